package com.example.kshop.web

import jakarta.servlet.http.HttpSession
import org.springframework.web.bind.annotation.GetMapping
import org.springframework.web.bind.annotation.PostMapping
import org.springframework.web.bind.annotation.RequestMapping
import org.springframework.web.bind.annotation.RestController

@RestController
@RequestMapping(ApiPaths.CART)
class CartController {

    @GetMapping
    fun view(session: HttpSession): Any? = session.getAttribute("cart")

    @PostMapping("/items")
    fun add(session: HttpSession, item: String) {
        session.setAttribute("cart", item)
    }
}

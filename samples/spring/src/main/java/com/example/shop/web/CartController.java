package com.example.shop.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/cart")
public class CartController {

    private static final String CART = "cart";

    @GetMapping
    @SuppressWarnings("unchecked")
    public List<CartItem> view(HttpSession session) {
        List<CartItem> cart = (List<CartItem>) session.getAttribute(CART);
        return cart != null ? cart : List.of();
    }

    @PostMapping("/items")
    @SuppressWarnings("unchecked")
    public List<CartItem> add(@RequestBody CartItem item, HttpServletRequest request) {
        List<CartItem> cart = (List<CartItem>) request.getSession().getAttribute(CART);
        if (cart == null) {
            cart = new ArrayList<>();
        }
        cart.add(item);
        request.getSession().setAttribute(CART, cart);
        return cart;
    }

    public record CartItem(long productId, int quantity) implements Serializable {
    }
}

package com.example.kshop.web

import com.example.kshop.service.ProductService
import com.example.kshop.service.formatPrice as price
import org.springframework.web.bind.annotation.GetMapping
import org.springframework.web.bind.annotation.PathVariable
import org.springframework.web.bind.annotation.PostMapping
import org.springframework.web.bind.annotation.RequestBody
import org.springframework.web.bind.annotation.RestController
import org.springframework.web.multipart.MultipartFile
import java.io.File

@RestController
class ProductController(private val products: ProductService) {

    @GetMapping(ApiPaths.PRODUCTS)
    fun list(): List<String> = products.all().map { price(it) }

    @GetMapping("${ApiPaths.PRODUCTS}/{id}")
    fun show(@PathVariable id: Long): String = products.find(id)

    @PostMapping(path = [ApiPaths.PRODUCTS + "/{id}/image"])
    fun uploadImage(@PathVariable id: Long, file: MultipartFile): String {
        val target = File("uploads/$id.png")
        file.transferTo(target)
        return target.path
    }

    @GetMapping(value = ["/api/tmp-report", "/api/tmp-report.csv"])
    fun tempReport(): String {
        // Trap: a temp file is scratch space, not state.
        val tmp = File.createTempFile("report", ".csv")
        tmp.writeText("id,total")
        return tmp.readText()
    }
}

package com.example.kshop.service

import org.springframework.cache.annotation.Cacheable
import org.springframework.stereotype.Service

fun formatPrice(name: String): String = "$name: 9.99"

@Service
class ProductService {

    @Cacheable("products")
    fun find(id: Long): String = PriceCache.lookup(id)

    fun all(): List<String> = listOf("a", "b")
}

object PriceCache {
    private val prices = HashMap<Long, String>()

    fun lookup(id: Long): String = prices.getOrPut(id) { "p$id" }
}

package com.example.kshop.web

const val API = "/api"

object ApiPaths {
    const val PRODUCTS = "$API/products"
    const val CART = "/api/cart"
}

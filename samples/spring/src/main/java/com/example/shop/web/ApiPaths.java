package com.example.shop.web;

public final class ApiPaths {

    public static final String API = "/api";

    public static final String PRODUCTS = API + "/products";

    private ApiPaths() {
    }
}

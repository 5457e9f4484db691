package com.example.shop.model;

import java.util.List;

public record OrderRequest(String customerEmail, List<Line> lines) {

    public record Line(long productId, int quantity) {
    }
}

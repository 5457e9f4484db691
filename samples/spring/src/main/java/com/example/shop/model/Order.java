package com.example.shop.model;

import java.math.BigDecimal;
import java.time.Instant;

public record Order(long id, String customerEmail, String status, BigDecimal total, Instant createdAt) {
}

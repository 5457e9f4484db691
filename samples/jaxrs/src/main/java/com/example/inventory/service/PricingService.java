package com.example.inventory.service;

import com.example.inventory.model.Item;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collection;

@ApplicationScoped
public class PricingService {

    private static final BigDecimal VAT_RATE = new BigDecimal("0.20");

    public BigDecimal grossPrice(Item item) {
        return item.getUnitPrice()
                .multiply(BigDecimal.ONE.add(VAT_RATE))
                .setScale(2, RoundingMode.HALF_UP);
    }

    public BigDecimal stockValue(Collection<Item> items) {
        return items.stream()
                .map(item -> grossPrice(item).multiply(BigDecimal.valueOf(item.getQuantity())))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}

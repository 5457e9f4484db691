package com.example.kshop.legacy;

import com.example.kshop.service.ProductService;
import org.springframework.stereotype.Component;

@Component
public class LegacyInvoices {
    private final ProductService products;

    public LegacyInvoices(ProductService products) {
        this.products = products;
    }

    public String render(long id) {
        return "invoice " + products.find(id);
    }
}

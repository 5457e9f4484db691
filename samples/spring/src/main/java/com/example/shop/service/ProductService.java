package com.example.shop.service;

import com.example.shop.model.Product;
import com.example.shop.repository.ProductRepository;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.cache.annotation.CacheEvict;
import org.springframework.cache.annotation.Cacheable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

@Service
public class ProductService {

    private static final List<String> FEATURED_CATEGORIES = List.of("coffee", "tea", "brewing");

    private final ProductRepository products;

    // product id -> views on this instance, returned in the X-Product-Views header
    private final Map<Long, Integer> viewCounts = new HashMap<>();

    public ProductService(ProductRepository products) {
        this.products = products;
    }

    @Transactional(readOnly = true)
    public List<Product> featured() {
        return FEATURED_CATEGORIES.stream()
                .flatMap(category -> products.findByCategoryOrderByNameAsc(category).stream())
                .toList();
    }

    @Cacheable("products")
    public Product find(long id) {
        return products.findById(id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no product " + id));
    }

    public synchronized int recordView(long id) {
        return viewCounts.merge(id, 1, Integer::sum);
    }

    @Transactional
    @CacheEvict(cacheNames = "products", key = "#id")
    public Product update(long id, String name, BigDecimal price) {
        Product product = products.findById(id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no product " + id));
        product.setName(name);
        product.setPrice(price);
        return products.save(product);
    }

    @Transactional
    public void attachImage(long id, String imageKey) {
        products.findById(id).ifPresent(product -> {
            product.setImageKey(imageKey);
            products.save(product);
        });
    }
}

package com.example.shop.web;

import com.example.shop.model.Product;
import com.example.shop.service.ProductService;
import java.io.File;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
public class ProductController {

    private final ProductService products;

    public ProductController(ProductService products) {
        this.products = products;
    }

    @GetMapping(ApiPaths.PRODUCTS)
    public List<Product> featured() {
        return products.featured();
    }

    @GetMapping(ApiPaths.PRODUCTS + "/{id}")
    public ResponseEntity<Product> show(@PathVariable long id) {
        Product product = products.find(id);
        int views = products.recordView(id);
        return ResponseEntity.ok().header("X-Product-Views", Integer.toString(views)).body(product);
    }

    @PutMapping(ApiPaths.PRODUCTS + "/{id}")
    public Product update(@PathVariable long id, @RequestBody ProductUpdate update) {
        return products.update(id, update.name(), update.price());
    }

    @PostMapping(path = ApiPaths.PRODUCTS + "/{id}/image", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    public Map<String, String> uploadImage(@PathVariable long id, @RequestParam("file") MultipartFile file)
            throws IOException {
        String name = id + "-" + StringUtils.cleanPath(file.getOriginalFilename());
        file.transferTo(new File("/var/uploads/products/" + name));
        products.attachImage(id, name);
        return Map.of("image", "/images/products/" + name);
    }

    public record ProductUpdate(String name, BigDecimal price) {
    }
}

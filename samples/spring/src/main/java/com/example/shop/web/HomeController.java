package com.example.shop.web;

import com.example.shop.config.ShopProperties;
import com.example.shop.service.ProductService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
public class HomeController {

    @Value("${shop.name}")
    private String shopName;

    private final ShopProperties properties;
    private final ProductService products;

    public HomeController(ShopProperties properties, ProductService products) {
        this.properties = properties;
        this.products = products;
    }

    @GetMapping("/")
    public String index(Model model) {
        model.addAttribute("shopName", shopName);
        model.addAttribute("supportEmail", properties.getSupportEmail());
        model.addAttribute("featured", products.featured());
        return "index";
    }
}

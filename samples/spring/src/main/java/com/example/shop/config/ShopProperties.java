package com.example.shop.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

@ConfigurationProperties(prefix = "shop")
public class ShopProperties {

    private String name;

    private String supportEmail;

    private String invoiceBucket;

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getSupportEmail() {
        return supportEmail;
    }

    public void setSupportEmail(String supportEmail) {
        this.supportEmail = supportEmail;
    }

    public String getInvoiceBucket() {
        return invoiceBucket;
    }

    public void setInvoiceBucket(String invoiceBucket) {
        this.invoiceBucket = invoiceBucket;
    }
}

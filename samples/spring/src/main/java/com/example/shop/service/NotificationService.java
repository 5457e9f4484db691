package com.example.shop.service;

import com.example.shop.config.ShopProperties;
import com.example.shop.model.Order;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Service;

@Service
public class NotificationService {

    private final JavaMailSender mail;
    private final ShopProperties properties;

    public NotificationService(JavaMailSender mail, ShopProperties properties) {
        this.mail = mail;
        this.properties = properties;
    }

    @Async
    public void sendOrderConfirmation(Order order) {
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(properties.getSupportEmail());
        message.setTo(order.customerEmail());
        message.setSubject("Order #" + order.id() + " received");
        message.setText("Thank you for your order. Total: " + order.total() + " EUR.");
        mail.send(message);
    }
}

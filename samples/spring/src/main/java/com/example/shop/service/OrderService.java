package com.example.shop.service;

import com.example.shop.model.Order;
import com.example.shop.model.OrderRequest;
import java.util.List;

public interface OrderService {

    Order find(long id);

    List<Order> recent(int limit);

    Order place(OrderRequest request);

    Order updateStatus(long id, String status);

    Order pay(long id, String paymentToken);
}

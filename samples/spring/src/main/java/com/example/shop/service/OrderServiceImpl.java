package com.example.shop.service;

import com.example.shop.model.Order;
import com.example.shop.model.OrderRequest;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.messaging.simp.SimpMessagingTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class OrderServiceImpl implements OrderService {

    private static final Logger log = LoggerFactory.getLogger(OrderServiceImpl.class);

    private static final int MAX_PAGE = 100;

    private static final Map<String, String> STATUS_LABELS = Map.of(
            "NEW", "Received",
            "PAID", "Paid",
            "SHIPPED", "On its way",
            "CANCELLED", "Cancelled");

    private static final RowMapper<Order> ORDER_ROW = (rs, rowNum) -> new Order(
            rs.getLong("id"),
            rs.getString("customer_email"),
            rs.getString("status"),
            rs.getBigDecimal("total"),
            rs.getTimestamp("created_at").toInstant());

    // Shown on the ops dashboard: orders taken since this instance started.
    private static final AtomicLong ORDERS_PLACED = new AtomicLong();

    private final JdbcTemplate jdbc;
    private final NotificationService notifications;
    private final PaymentGateway payments;
    private final SimpMessagingTemplate messaging;

    public OrderServiceImpl(JdbcTemplate jdbc, NotificationService notifications,
                            PaymentGateway payments, SimpMessagingTemplate messaging) {
        this.jdbc = jdbc;
        this.notifications = notifications;
        this.payments = payments;
        this.messaging = messaging;
    }

    @Override
    public Order find(long id) {
        return jdbc.queryForObject(
                "SELECT id, customer_email, status, total, created_at FROM orders WHERE id = ?",
                ORDER_ROW, id);
    }

    @Override
    public List<Order> recent(int limit) {
        return jdbc.query(
                "SELECT id, customer_email, status, total, created_at FROM orders ORDER BY created_at DESC LIMIT ?",
                ORDER_ROW, Math.min(limit, MAX_PAGE));
    }

    @Override
    @Transactional
    public Order place(OrderRequest request) {
        BigDecimal total = BigDecimal.ZERO;
        for (OrderRequest.Line line : request.lines()) {
            BigDecimal price = jdbc.queryForObject(
                    "SELECT price FROM product WHERE id = ?", BigDecimal.class, line.productId());
            total = total.add(price.multiply(BigDecimal.valueOf(line.quantity())));
        }
        Long id = jdbc.queryForObject(
                "INSERT INTO orders (customer_email, status, total) VALUES (?, 'NEW', ?) RETURNING id",
                Long.class, request.customerEmail(), total);
        for (OrderRequest.Line line : request.lines()) {
            jdbc.update("INSERT INTO order_line (order_id, product_id, quantity) VALUES (?, ?, ?)",
                    id, line.productId(), line.quantity());
        }
        long placed = ORDERS_PLACED.incrementAndGet();
        log.info("order {} placed ({} since startup)", id, placed);
        Order order = find(id);
        notifications.sendOrderConfirmation(order);
        return order;
    }

    @Override
    public Order updateStatus(long id, String status) {
        if (!STATUS_LABELS.containsKey(status)) {
            throw new IllegalArgumentException("unknown status " + status);
        }
        jdbc.update("UPDATE orders SET status = ? WHERE id = ?", status, id);
        Order order = find(id);
        messaging.convertAndSend("/topic/orders/" + id, Map.of("status", STATUS_LABELS.get(status)));
        return order;
    }

    @Override
    public Order pay(long id, String paymentToken) {
        Order order = find(id);
        String chargeId = payments.charge(order.total(), paymentToken);
        payments.awaitCapture(chargeId);
        jdbc.update("UPDATE orders SET status = 'PAID' WHERE id = ?", id);
        return find(id);
    }
}

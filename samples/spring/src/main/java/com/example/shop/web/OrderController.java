package com.example.shop.web;

import com.example.shop.model.Order;
import com.example.shop.model.OrderRequest;
import com.example.shop.service.InvoiceStorage;
import com.example.shop.service.OrderService;
import com.example.shop.service.ReportService;
import java.net.URI;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/orders")
public class OrderController {

    private final OrderService orders;
    private final InvoiceStorage invoices;
    private final ReportService reports;

    public OrderController(OrderService orders, InvoiceStorage invoices, ReportService reports) {
        this.orders = orders;
        this.invoices = invoices;
        this.reports = reports;
    }

    @GetMapping
    public List<Order> recent(@RequestParam(defaultValue = "20") int limit) {
        return orders.recent(limit);
    }

    @GetMapping("/{id}")
    public Order get(@PathVariable long id) {
        return orders.find(id);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    public Order place(@RequestBody OrderRequest request) {
        return orders.place(request);
    }

    @RequestMapping(value = "/{id}/status", method = RequestMethod.PUT)
    public Order updateStatus(@PathVariable long id, @RequestParam String status) {
        return orders.updateStatus(id, status);
    }

    @PostMapping("/{id}/pay")
    public Order pay(@PathVariable long id, @RequestParam String token) {
        return orders.pay(id, token);
    }

    @GetMapping(value = {"/{id}/invoice", "/{id}/receipt"})
    public ResponseEntity<Void> invoice(@PathVariable long id) {
        URI location = invoices.publish(orders.find(id));
        return ResponseEntity.status(HttpStatus.SEE_OTHER).location(location).build();
    }

    @GetMapping("/summary")
    public Map<String, Object> summary() throws SQLException {
        return reports.todaySummary();
    }

    @GetMapping(path = "/export", produces = "text/csv")
    public String export(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                         @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to)
            throws SQLException {
        return reports.legacySalesCsv(from, to);
    }
}

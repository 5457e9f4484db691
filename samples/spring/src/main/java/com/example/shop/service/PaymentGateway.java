package com.example.shop.service;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

@Component
public class PaymentGateway {

    private static final Duration POLL_INTERVAL = Duration.ofSeconds(2);
    private static final int MAX_POLLS = 15;

    private final RestClient http;

    public PaymentGateway(RestClient.Builder builder, @Value("${payments.base-url}") String baseUrl) {
        this.http = builder.baseUrl(baseUrl).build();
    }

    public String charge(BigDecimal amount, String token) {
        Charge charge = http.post()
                .uri("/v1/charges")
                .body(Map.of("amount", amount, "currency", "EUR", "source", token))
                .retrieve()
                .body(Charge.class);
        return charge.id();
    }

    public void awaitCapture(String chargeId) {
        for (int attempt = 0; attempt < MAX_POLLS; attempt++) {
            Charge charge = http.get().uri("/v1/charges/{id}", chargeId).retrieve().body(Charge.class);
            if ("captured".equals(charge.status())) {
                return;
            }
            try {
                Thread.sleep(POLL_INTERVAL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for charge " + chargeId, e);
            }
        }
        throw new IllegalStateException("charge " + chargeId + " was not captured in time");
    }

    record Charge(String id, String status) {
    }
}

package com.example.shop.service;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

@Component
public class MaintenanceJobs {

    private static final Logger log = LoggerFactory.getLogger(MaintenanceJobs.class);

    private final JdbcTemplate jdbc;

    public MaintenanceJobs(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Scheduled(cron = "0 0 3 * * *")
    public void cancelAbandonedOrders() {
        int cancelled = jdbc.update(
                "UPDATE orders SET status = 'CANCELLED'"
                        + " WHERE status = 'NEW' AND created_at < now() - interval '2 days'");
        log.info("cancelled {} abandoned orders", cancelled);
    }
}

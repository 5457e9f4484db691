package com.example.shop.service;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

@Service
public class ReportService {

    private final DataSource dataSource;
    private final String legacyUrl;
    private final String legacyUser;
    private final String legacyPassword;

    public ReportService(DataSource dataSource,
                         @Value("${legacy.jdbc-url}") String legacyUrl,
                         @Value("${legacy.username}") String legacyUser,
                         @Value("${legacy.password}") String legacyPassword) {
        this.dataSource = dataSource;
        this.legacyUrl = legacyUrl;
        this.legacyUser = legacyUser;
        this.legacyPassword = legacyPassword;
    }

    public Map<String, Object> todaySummary() throws SQLException {
        try (Connection conn = dataSource.getConnection();
             PreparedStatement ps = conn.prepareStatement(
                     "SELECT count(*), coalesce(sum(total), 0) FROM orders WHERE created_at >= current_date");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return Map.of("orders", rs.getLong(1), "revenue", rs.getBigDecimal(2));
        }
    }

    public String legacySalesCsv(LocalDate from, LocalDate to) throws SQLException {
        StringBuilder csv = new StringBuilder("day,orders,revenue\n");
        try (Connection conn = DriverManager.getConnection(legacyUrl, legacyUser, legacyPassword);
             PreparedStatement ps = conn.prepareStatement(
                     "SELECT sale_day, order_count, revenue FROM daily_sales"
                             + " WHERE sale_day BETWEEN ? AND ? ORDER BY sale_day")) {
            ps.setObject(1, from);
            ps.setObject(2, to);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    csv.append(rs.getDate(1)).append(',')
                            .append(rs.getInt(2)).append(',')
                            .append(rs.getBigDecimal(3)).append('\n');
                }
            }
        }
        return csv.toString();
    }
}

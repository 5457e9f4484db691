package com.example.shop.service;

import com.example.shop.config.ShopProperties;
import com.example.shop.model.Order;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Service;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.s3.presigner.model.GetObjectPresignRequest;

@Service
public class InvoiceStorage {

    private static final Duration LINK_TTL = Duration.ofMinutes(15);

    private final S3Client s3 = S3Client.builder().region(Region.EU_WEST_1).build();
    private final S3Presigner presigner = S3Presigner.builder().region(Region.EU_WEST_1).build();
    private final ShopProperties properties;
    private final String template;

    public InvoiceStorage(ShopProperties properties) {
        this.properties = properties;
        try {
            this.template = new ClassPathResource("invoice-template.html").getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public URI publish(Order order) {
        String key = "invoices/" + order.id() + ".html";
        String html = template
                .replace("{{id}}", Long.toString(order.id()))
                .replace("{{email}}", order.customerEmail())
                .replace("{{total}}", order.total().toPlainString());
        s3.putObject(PutObjectRequest.builder()
                        .bucket(properties.getInvoiceBucket())
                        .key(key)
                        .contentType("text/html")
                        .build(),
                RequestBody.fromString(html));
        GetObjectPresignRequest presign = GetObjectPresignRequest.builder()
                .signatureDuration(LINK_TTL)
                .getObjectRequest(get -> get.bucket(properties.getInvoiceBucket()).key(key))
                .build();
        return URI.create(presigner.presignGetObject(presign).url().toString());
    }
}

package com.example.inventory.resource;

import com.example.inventory.service.PricingService;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.logging.Logger;

@Path("/exports")
public class ExportResource {

    private static final Logger LOG = Logger.getLogger(ExportResource.class.getName());

    private static final List<String> FORMATS = List.of("csv", "json");

    @Inject
    PricingService pricing;

    @GET
    @Path("formats")
    @Produces(MediaType.APPLICATION_JSON)
    public List<String> formats() {
        return FORMATS;
    }

    @POST
    @Path("stock-value")
    public Response exportStockValue(@QueryParam("email") String email) {
        ExecutorService executor = Executors.newSingleThreadExecutor();
        executor.submit(() -> {
            BigDecimal total = pricing.stockValue(ItemResource.snapshot());
            LOG.info(() -> "stock value report for " + email + ": " + total);
        });
        executor.shutdown();
        return Response.accepted().build();
    }
}

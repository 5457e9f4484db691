package com.example.inventory.resource;

import com.example.inventory.live.LiveFeedEndpoint;
import com.example.inventory.model.Item;
import com.example.inventory.service.PricingService;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@Path("/items")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ItemResource {

    private static final int MAX_NAME_LENGTH = 80;

    // The whole inventory, kept in this JVM.
    private static final Map<String, Item> ITEMS = new HashMap<>();

    @Inject
    PricingService pricing;

    @GET
    public List<Item> list() {
        return new ArrayList<>(ITEMS.values());
    }

    @GET
    @Path("{id}")
    public Map<String, Object> get(@PathParam("id") String id) {
        Item item = ITEMS.get(id);
        if (item == null) {
            throw new NotFoundException("no item " + id);
        }
        return Map.of("item", item, "grossPrice", pricing.grossPrice(item));
    }

    @POST
    public Response create(Item item, @Context UriInfo uriInfo) {
        if (item.getName() == null || item.getName().length() > MAX_NAME_LENGTH) {
            return Response.status(Response.Status.BAD_REQUEST).build();
        }
        item.setId(UUID.randomUUID().toString());
        ITEMS.put(item.getId(), item);
        LiveFeedEndpoint.broadcast("created " + item.getId());
        return Response.created(uriInfo.getAbsolutePathBuilder().path(item.getId()).build())
                .entity(item)
                .build();
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") String id) {
        if (ITEMS.remove(id) == null) {
            throw new NotFoundException("no item " + id);
        }
        return Response.noContent().build();
    }

    static List<Item> snapshot() {
        return List.copyOf(ITEMS.values());
    }
}

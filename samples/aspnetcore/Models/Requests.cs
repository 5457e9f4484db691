namespace Shop.Models;

public record CreateOrderRequest(string CustomerEmail, decimal Total);

public record ItemUpdate(string Name, decimal Price, int Stock);

public record OrderSummary(int Orders, decimal Revenue);

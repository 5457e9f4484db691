using Shop.Models;

namespace Shop.Services;

public interface IOrderStore
{
    Task<Order?> FindAsync(int id);

    Task<Order> AddAsync(CreateOrderRequest request);

    Task<bool> RemoveAsync(int id);

    Task<OrderSummary> SummaryAsync();
}

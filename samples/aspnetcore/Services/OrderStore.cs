using Microsoft.Data.SqlClient;
using Microsoft.EntityFrameworkCore;
using Shop.Data;
using Shop.Models;

namespace Shop.Services;

public class OrderStore : IOrderStore
{
    private readonly ShopDbContext _db;
    private readonly string _reportingConnectionString;

    public OrderStore(ShopDbContext db, IConfiguration configuration)
    {
        _db = db;
        _reportingConnectionString = configuration.GetConnectionString("Reporting")
            ?? throw new InvalidOperationException("ConnectionStrings:Reporting is not set");
    }

    public Task<Order?> FindAsync(int id) =>
        _db.Orders.AsNoTracking().FirstOrDefaultAsync(o => o.Id == id);

    public async Task<Order> AddAsync(CreateOrderRequest request)
    {
        var order = new Order { CustomerEmail = request.CustomerEmail, Total = request.Total };
        _db.Orders.Add(order);
        await _db.SaveChangesAsync();
        return order;
    }

    public async Task<bool> RemoveAsync(int id)
    {
        var order = await _db.Orders.FindAsync(id);
        if (order is null)
        {
            return false;
        }
        _db.Orders.Remove(order);
        await _db.SaveChangesAsync();
        return true;
    }

    public async Task<OrderSummary> SummaryAsync()
    {
        await using var connection = new SqlConnection(_reportingConnectionString);
        await connection.OpenAsync();
        await using var command = new SqlCommand(
            "SELECT COUNT(*), COALESCE(SUM(Total), 0) FROM dbo.DailyOrders WHERE Day = CAST(GETUTCDATE() AS date)",
            connection);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return new OrderSummary(reader.GetInt32(0), reader.GetDecimal(1));
    }
}

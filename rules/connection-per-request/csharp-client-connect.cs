public class ReportsController : ControllerBase
{
    public async Task<IActionResult> Daily()
    {
        var mongo = new MongoClient("mongodb://db:27017");
//                  ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ connection-per-request/csharp-client-connect
        var redis = await ConnectionMultiplexer.ConnectAsync("cache:6379");
//                        ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ connection-per-request/csharp-client-connect
        using var rabbit = new ConnectionFactory { HostName = "mq" }.CreateConnection();
//                         ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ connection-per-request/csharp-client-connect
        // ok: ADO.NET pools physical connections
        await using var sql = new SqlConnection(_cs);
        await sql.OpenAsync();
        // ok: EF Core from DI
        var total = await _db.Orders.CountAsync();
        return Ok(total);
    }
}

public static class Redis
{
    // ok: created once per process
    public static readonly ConnectionMultiplexer Shared = ConnectionMultiplexer.Connect("cache:6379");
}

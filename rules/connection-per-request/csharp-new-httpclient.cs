public class SyncController : ControllerBase
{
    // ok: one client for the process
    private static readonly HttpClient Shared = new HttpClient();
    private readonly IHttpClientFactory _clients;

    public async Task<IActionResult> Sync(Order order)
    {
        using var client = new HttpClient { BaseAddress = new Uri("https://erp.example.com/") };
//                         ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ connection-per-request/csharp-new-httpclient
        await client.PostAsJsonAsync("orders", order);
        // ok: pooled handlers from IHttpClientFactory
        var mail = _clients.CreateClient("mail");
        // ok: a pooled ADO.NET connection
        await using var connection = new SqlConnection(_connectionString);
        return Ok();
    }
}

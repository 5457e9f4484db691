using System.Net.Http.Json;

namespace Shop.Services;

// Typed client: HttpClient instances come from IHttpClientFactory (AddHttpClient in Program.cs).
public class ExchangeRateClient
{
    private readonly HttpClient _http;

    public ExchangeRateClient(HttpClient http)
    {
        _http = http;
    }

    public async Task<decimal> GetRateAsync(string currency)
    {
        var response = await _http.GetFromJsonAsync<RateResponse>($"v1/rates/EUR/{currency}");
        return response?.Rate ?? throw new InvalidOperationException($"no rate for {currency}");
    }

    private sealed record RateResponse(string Currency, decimal Rate);
}

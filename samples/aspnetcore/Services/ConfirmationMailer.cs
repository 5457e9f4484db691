using System.Net.Http.Json;
using Shop.Models;

namespace Shop.Services;

public class ConfirmationMailer
{
    private readonly IHttpClientFactory _clients;
    private readonly ILogger<ConfirmationMailer> _logger;

    public ConfirmationMailer(IHttpClientFactory clients, ILogger<ConfirmationMailer> logger)
    {
        _clients = clients;
        _logger = logger;
    }

    public async Task SendConfirmationAsync(Order order)
    {
        var client = _clients.CreateClient("mail");
        var response = await client.PostAsJsonAsync("v1/messages", new
        {
            to = order.CustomerEmail,
            subject = $"Order #{order.Id} received",
            text = $"Thank you! We received your order of {order.Total:C}.",
        });
        if (!response.IsSuccessStatusCode)
        {
            _logger.LogWarning("Confirmation mail for order {Id} failed: {Status}", order.Id, response.StatusCode);
        }
    }
}

using System.Net.Http.Json;
using Amazon.S3;
using Amazon.S3.Model;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Caching.Memory;
using Shop.Models;
using Shop.Services;

namespace Shop.Controllers;

[ApiController]
[Route("api/[controller]")]
public class OrdersController : ControllerBase
{
    private static readonly TimeSpan CacheFor = TimeSpan.FromMinutes(5);
    private static readonly string[] AllowedExtensions = { ".pdf", ".png", ".jpg" };
    private const string UploadRoot = "/var/shop/uploads";
    private const string InvoiceBucket = "example-shop-invoices";

    private readonly IOrderStore _orders;
    private readonly IMemoryCache _cache;
    private readonly ExchangeRateClient _rates;
    private readonly ConfirmationMailer _mailer;
    private readonly IAmazonS3 _s3;
    private readonly ILogger<OrdersController> _logger;

    public OrdersController(
        IOrderStore orders,
        IMemoryCache cache,
        ExchangeRateClient rates,
        ConfirmationMailer mailer,
        IAmazonS3 s3,
        ILogger<OrdersController> logger)
    {
        _orders = orders;
        _cache = cache;
        _rates = rates;
        _mailer = mailer;
        _s3 = s3;
        _logger = logger;
    }

    [HttpGet("{id}")]
    public async Task<ActionResult<Order>> Get(int id)
    {
        if (_cache.TryGetValue(CacheKey(id), out Order? cached) && cached is not null)
        {
            return cached;
        }
        var order = await _orders.FindAsync(id);
        if (order is null)
        {
            return NotFound();
        }
        _cache.Set(CacheKey(id), order, CacheFor);
        return order;
    }

    [HttpPost]
    public async Task<ActionResult<Order>> Create(CreateOrderRequest request)
    {
        var order = await _orders.AddAsync(request);
        HttpContext.Session.SetString("lastOrderId", order.Id.ToString());
        _ = Task.Run(() => _mailer.SendConfirmationAsync(order));
        return CreatedAtAction(nameof(Get), new { id = order.Id }, order);
    }

    [HttpDelete("{id}")]
    public async Task<IActionResult> Delete(int id)
    {
        if (!await _orders.RemoveAsync(id))
        {
            return NotFound();
        }
        _cache.Remove(CacheKey(id));
        return NoContent();
    }

    [HttpGet]
    [Route("[action]")]
    public Task<OrderSummary> Summary() => _orders.SummaryAsync();

    [HttpPost("{id}/attachments")]
    public async Task<IActionResult> Upload(int id, IFormFile file)
    {
        var extension = Path.GetExtension(file.FileName).ToLowerInvariant();
        if (!AllowedExtensions.Contains(extension))
        {
            return BadRequest("unsupported file type");
        }
        var path = Path.Combine(UploadRoot, $"{id}-{Guid.NewGuid()}{extension}");
        using (var stream = new FileStream(path, FileMode.Create))
        {
            await file.CopyToAsync(stream);
        }
        return Ok(new { path });
    }

    [HttpPost("{id}/sync")]
    public async Task<IActionResult> Sync(int id)
    {
        var order = await _orders.FindAsync(id);
        if (order is null)
        {
            return NotFound();
        }
        using var client = new HttpClient { BaseAddress = new Uri("https://erp.example.com/") };
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            var response = await client.PostAsJsonAsync("api/orders", order);
            if (response.IsSuccessStatusCode)
            {
                return Ok();
            }
            _logger.LogWarning("ERP sync of order {Id} failed with {Status} (attempt {Attempt})", id, response.StatusCode, attempt);
            Thread.Sleep(TimeSpan.FromSeconds(2 * attempt));
        }
        return StatusCode(StatusCodes.Status502BadGateway);
    }

    [HttpGet("{id}/total")]
    public async Task<IActionResult> Total(int id, [FromQuery] string currency = "USD")
    {
        var order = await _orders.FindAsync(id);
        if (order is null)
        {
            return NotFound();
        }
        var rate = await _rates.GetRateAsync(currency);
        return Ok(new { order.Id, currency, total = decimal.Round(order.Total * rate, 2) });
    }

    [HttpGet("{id}/invoice")]
    public IActionResult Invoice(int id)
    {
        var url = _s3.GetPreSignedURL(new GetPreSignedUrlRequest
        {
            BucketName = InvoiceBucket,
            Key = $"invoices/{id}.pdf",
            Expires = DateTime.UtcNow.AddMinutes(15),
        });
        return Redirect(url);
    }

    private static string CacheKey(int id) => $"order:{id}";
}

using Microsoft.EntityFrameworkCore;
using Shop.Data;

namespace Shop.Services;

public class CleanupService : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    private readonly IServiceScopeFactory _scopes;
    private readonly ILogger<CleanupService> _logger;

    public CleanupService(IServiceScopeFactory scopes, ILogger<CleanupService> logger)
    {
        _scopes = scopes;
        _logger = logger;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            using var scope = _scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<ShopDbContext>();
            var cutoff = DateTime.UtcNow.AddDays(-2);
            var cancelled = await db.Orders
                .Where(o => o.Status == "New" && o.CreatedAt < cutoff)
                .ExecuteUpdateAsync(s => s.SetProperty(o => o.Status, "Cancelled"), stoppingToken);
            _logger.LogInformation("Cancelled {Count} abandoned orders", cancelled);
        }
    }
}

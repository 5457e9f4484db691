var builder = WebApplication.CreateBuilder(args);

builder.Services.AddHostedService<CleanupService>();
//^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ background-work/csharp-hosted-service
builder.Services.AddSingleton<IHostedService, QueueConsumer>();
//^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ background-work/csharp-hosted-service

public static class Registration
{
    public static IServiceCollection AddWorkers(this IServiceCollection services)
    {
        services.AddHostedService(sp => new Poller(sp.GetRequiredService<ILogger<Poller>>()));
//      ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ background-work/csharp-hosted-service
        // ok: an ordinary singleton
        services.AddSingleton<IClock, SystemClock>();
        return services;
    }
}

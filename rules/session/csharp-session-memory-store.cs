var builder = WebApplication.CreateBuilder(args);

builder.Services.AddDistributedMemoryCache();
//^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ session/csharp-session-memory-store
builder.Services.AddSession(options => options.IdleTimeout = TimeSpan.FromMinutes(20));

// ok: a shared store
builder.Services.AddStackExchangeRedisCache(o => o.Configuration = "redis:6379");
// ok: the app's own method of that name on another object
builder.Services.AddDistributedSqlServerCache(o => o.SchemaName = "dbo");

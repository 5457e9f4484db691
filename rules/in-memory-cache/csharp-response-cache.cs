var builder = WebApplication.CreateBuilder(args);
// ok: registering alone caches nothing
builder.Services.AddOutputCache();
builder.Services.AddResponseCaching();
var app = builder.Build();

app.UseResponseCaching();
//^^^^^^^^^^^^^^^^^^^^^^ in-memory-cache/csharp-response-cache
app.UseHttpCacheHeaders();
//^^^^^^^^^^^^^^^^^^^^^^^^ in-memory-cache/csharp-response-cache
app.UseOutputCache();
//^^^^^^^^^^^^^^^^^^^ in-memory-cache/csharp-response-cache
// ok: headers only
app.UseStaticFiles();

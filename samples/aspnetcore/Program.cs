using Amazon;
using Amazon.S3;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;
using Shop.Data;
using Shop.Hubs;
using Shop.Models;
using Shop.Services;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddControllersWithViews();
builder.Services.AddRazorPages();
builder.Services.AddSignalR();

builder.Services.AddDbContext<ShopDbContext>(options => options.UseSqlite("Data Source=shop.db"));
builder.Services.AddMemoryCache();
builder.Services.AddDistributedMemoryCache();
builder.Services.AddSession(options =>
{
    options.IdleTimeout = TimeSpan.FromMinutes(30);
    options.Cookie.HttpOnly = true;
    options.Cookie.IsEssential = true;
});

builder.Services.AddSingleton<VisitCounter>();
builder.Services.AddSingleton<IAmazonS3>(_ => new AmazonS3Client(RegionEndpoint.EUWest1));
builder.Services.AddScoped<IOrderStore, OrderStore>();
builder.Services.AddTransient<ConfirmationMailer>();
builder.Services.AddHttpClient<ExchangeRateClient>(client =>
    client.BaseAddress = new Uri("https://rates.example.com/"));
builder.Services.AddHttpClient("mail", client =>
    client.BaseAddress = new Uri("https://mail.example.com/"));
builder.Services.AddHostedService<CleanupService>();

var app = builder.Build();

app.UseStaticFiles();
app.UseRouting();
app.UseSession();

app.MapControllers();
app.MapControllerRoute(
    name: "default",
    pattern: "{controller=Home}/{action=Index}/{id?}");
app.MapRazorPages();
app.MapHub<ChatHub>("/hubs/chat");

var api = app.MapGroup("/api");
api.MapGet("/health", () => Results.Ok(new { status = "ok" }));

var items = api.MapGroup("/items");
items.MapGet("/", async (ShopDbContext db) =>
    await db.Products.AsNoTracking().OrderBy(p => p.Name).ToListAsync());
items.MapPost("/{id}", UpsertItem);

app.Run();

static async Task<IResult> UpsertItem(int id, ItemUpdate update, ShopDbContext db, IHubContext<ChatHub> hub)
{
    var product = await db.Products.FindAsync(id);
    if (product is null)
    {
        product = new Product { Id = id };
        db.Products.Add(product);
    }
    product.Name = update.Name;
    product.Price = update.Price;
    product.Stock = update.Stock;
    await db.SaveChangesAsync();
    await hub.Clients.All.SendAsync("stockChanged", id, update.Stock);
    return Results.Ok(product);
}

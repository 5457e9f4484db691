using Microsoft.Extensions.Caching.Memory;

public class OrdersController : ControllerBase
{
    private static readonly MemoryCache Local = new(new MemoryCacheOptions());
    private readonly IMemoryCache _cache;
    private readonly IDistributedCache _shared;
    private readonly Dictionary<string, Order> _seen = new();

    public OrdersController(IMemoryCache cache, IDistributedCache shared)
    {
        _cache = cache;
        // ok: a constructor is no request
        _cache.Remove("warm");
        _shared = shared;
    }

    public Order Get(int id)
    {
        if (_cache.TryGetValue(Key(id), out Order? order))
//          ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ in-memory-cache/csharp-memory-cache
        {
            return order!;
        }
        order = Load(id);
        _cache.Set(Key(id), order, TimeSpan.FromMinutes(5));
//      ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ in-memory-cache/csharp-memory-cache
        Local.Set("last", order, DateTimeOffset.Now.AddMinutes(1));
//      ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ in-memory-cache/csharp-memory-cache
        // ok: a dictionary, not a cache
        _seen.Remove(Key(id));
        return order;
    }

    public async Task<List<Product>> Catalog() =>
        await _cache.GetOrCreateAsync<List<Product>>("catalog", e => LoadAll());
//            ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ in-memory-cache/csharp-memory-cache

    public async Task Share(int id)
    {
        // ok: IDistributedCache (Redis, SQL Server) is the remedy
        await _shared.SetStringAsync(Key(id), "x");
        // ok: a parameter named like a field
        var _cache = new Dictionary<string, int>();
        _cache.Remove("x");
    }
}

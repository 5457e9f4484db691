using System.Runtime.Caching;

public class RatesService
{
    // ok: a field initialiser runs once, not per request
    private readonly ObjectCache _store = MemoryCache.Default;

    public decimal Rate(string currency)
    {
        var cached = MemoryCache.Default.Get(currency);
//                   ^^^^^^^^^^^^^^^^^^ in-memory-cache/csharp-runtime-memory-cache
        // ok: a different property
        var name = MemoryCache.DefaultName;
        return cached is decimal d ? d : 1m;
    }
}

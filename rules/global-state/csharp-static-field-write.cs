public class StatsController : Controller
{
    private const int Limit = 10;
    private static readonly string[] Pages = { "home", "about" };
    private static readonly Dictionary<string, int> Hits = new();
    private static long _total;
    private static DateTime _started;
    private int _instanceCount;

    static StatsController()
    {
        // ok: a static constructor runs once
        _started = DateTime.UtcNow;
    }

    public IActionResult Track(string page)
    {
        Hits[page] = Hits.GetValueOrDefault(page) + 1;
//      ^^^^^^^^^^ global-state/csharp-static-field-write
        Interlocked.Increment(ref _total);
//                            ^^^^^^^^^^ global-state/csharp-static-field-write
        _total++;
//      ^^^^^^^^ global-state/csharp-static-field-write
        Hits.Remove("old");
//      ^^^^^^^^^^^^^^^^^^ global-state/csharp-static-field-write
        // ok: an instance field (a controller is created per request)
        _instanceCount++;
        // ok: reads of constants and read-only arrays
        var first = Pages[0] + Limit;
        // ok: null-forgiving is no write
        _started!.ToString();
        // ok: a local shadows nothing static
        var local = new List<int>();
        local.Add(1);
        // ok: a member of another object
        page.Length.ToString();
        return Ok(first);
    }
}

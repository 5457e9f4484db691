var builder = WebApplication.CreateBuilder(args);
builder.Services.AddSingleton<VisitCounter>();
builder.Services.AddSingleton<IPostStore, PostStore>();
builder.Services.AddScoped<CartService>();

public class VisitCounter
{
    private long _total;
    private DateTime _last;
    private readonly string _name;

    public VisitCounter()
    {
        // ok: the constructor runs once
        _name = "visits";
        _last = DateTime.MinValue;
    }

    public long Record()
    {
        _last = DateTime.UtcNow;
//      ^^^^^^^^^^^^^^^^^^^^^^^ global-state/csharp-singleton-field-write
        return Interlocked.Increment(ref _total);
//                                   ^^^^^^^^^^ global-state/csharp-singleton-field-write
    }

    // ok: a read
    public DateTime Last => _last;
}

public class PostStore : IPostStore
{
    private readonly List<Post> _posts = new();

    public void Save(Post post)
    {
        _posts.Add(post);
//      ^^^^^^^^^^^^^^^^ global-state/csharp-singleton-field-write
        // ok: a local
        var copy = new List<Post>();
        copy.Add(post);
    }
}

public class CartService
{
    private readonly List<int> _items = new();

    // ok: a scoped service lives for one request
    public void Add(int id) => _items.Add(id);
}

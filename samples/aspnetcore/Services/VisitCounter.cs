namespace Shop.Services;

// Registered as a singleton: one instance for the whole process.
public class VisitCounter
{
    private long _total;
    private DateTime _lastVisitUtc;

    public long Record()
    {
        _lastVisitUtc = DateTime.UtcNow;
        return Interlocked.Increment(ref _total);
    }

    public DateTime LastVisitUtc => _lastVisitUtc;
}

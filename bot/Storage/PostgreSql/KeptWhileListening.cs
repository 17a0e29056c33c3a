namespace CustomerCare.Bot.Storage.PostgreSql;

/// <summary>
/// Records read from PostgreSQL, kept in memory only while <see cref="StoreChanges"/> listens for the notification
/// their writers send on commit; while nobody listens, every read goes to the database.
/// </summary>
internal sealed class KeptWhileListening<TValue>
    where TValue : class
{
    private readonly ReadThroughCache<TValue> _kept = new();
    private volatile bool _keeping;

    public Task<TValue?> GetAsync(string key, Func<string, Task<TValue?>> read) => _keeping ? _kept.GetAsync(key, read) : read(key);

    /// <summary>Listening: from now on what is read may be kept.</summary>
    public void StartKeeping()
    {
        Forget();
        _keeping = true;
    }

    /// <summary>No longer listening: nothing is kept, and what was kept is forgotten.</summary>
    public void StopKeeping()
    {
        _keeping = false;
        Forget();
    }

    /// <summary>A write committed somewhere.</summary>
    public void Forget() => _kept.Invalidate();
}

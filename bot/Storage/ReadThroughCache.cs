using System.Collections.Concurrent;

namespace CustomerCare.Bot.Storage;

/// <summary>
/// Documents that are read on every conversation but written rarely (bookings, flight records, a booking's grants), kept in memory
/// after their first read. The owner calls <see cref="Invalidate"/> once a write to them is committed; a read that
/// raced with that write is not kept, so a stale document never outlives the write. Bounded: when full it starts over.
/// </summary>
public sealed class ReadThroughCache<TValue>(int capacity = 10_000)
    where TValue : class
{
    private readonly ConcurrentDictionary<string, TValue?> _values = new(StringComparer.Ordinal);
    private long _version;

    public TValue? Get(string key, Func<string, TValue?> read)
    {
        if (_values.TryGetValue(key, out var cached))
        {
            return cached;
        }
        var version = Interlocked.Read(ref _version);
        var value = read(key);
        if (_values.Count >= capacity)
        {
            _values.Clear();
        }
        Keep(key, value, version);
        return value;
    }

    /// <summary>As <see cref="Get"/>, for a store read over the network.</summary>
    public async Task<TValue?> GetAsync(string key, Func<string, Task<TValue?>> read)
    {
        if (_values.TryGetValue(key, out var cached))
        {
            return cached;
        }
        var version = Interlocked.Read(ref _version);
        var value = await read(key).ConfigureAwait(false);
        if (_values.Count >= capacity)
        {
            _values.Clear();
        }
        Keep(key, value, version);
        return value;
    }

    /// <summary>
    /// Keeps a value read at <paramref name="version"/> unless a write was committed since; checked again after it is
    /// kept, so a write committed between the check and the keeping still takes it out.
    /// </summary>
    private void Keep(string key, TValue? value, long version)
    {
        if (Interlocked.Read(ref _version) != version || !_values.TryAdd(key, value))
        {
            return;
        }
        if (Interlocked.Read(ref _version) != version)
        {
            _values.TryRemove(new KeyValuePair<string, TValue?>(key, value));
        }
    }

    /// <summary>After a committed write: forgets everything, including what a read that started before it may still add.</summary>
    public void Invalidate()
    {
        Interlocked.Increment(ref _version);
        _values.Clear();
    }
}

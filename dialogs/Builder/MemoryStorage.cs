namespace CustomerCare.Builder;

/// <summary>In-process storage with the same ETag rules as the durable stores; for tests and tools.</summary>
public sealed class MemoryStorage : IStorage
{
    private readonly Dictionary<string, StoreItem> _items = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private long _version;

    public Task<StoreItem?> ReadAsync(string key, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_items.TryGetValue(key, out var item) ? item : null);
        }
    }

    public Task<string> WriteAsync(string key, StoreItem item, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var exists = _items.TryGetValue(key, out var current);
            if (item.ETag != "*" && (exists ? item.ETag != current!.ETag : item.ETag is not null))
            {
                throw new StorageConflictException(key);
            }
            var etag = (++_version).ToString(System.Globalization.CultureInfo.InvariantCulture);
            _items[key] = item with { ETag = etag };
            return Task.FromResult(etag);
        }
    }

    public Task DeleteAsync(string key, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _items.Remove(key);
        }
        return Task.CompletedTask;
    }
}

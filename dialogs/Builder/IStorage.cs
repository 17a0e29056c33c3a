namespace CustomerCare.Builder;

/// <summary>A JSON document with the ETag it was read with (null for a document that is new).</summary>
public sealed record StoreItem(string Json, string? ETag);

/// <summary>
/// Key/document storage with optimistic concurrency, in the spirit of the SDK's IStorage: a write whose ETag
/// no longer matches the stored one fails with <see cref="StorageConflictException"/>; "*" overwrites.
/// </summary>
public interface IStorage
{
    Task<StoreItem?> ReadAsync(string key, CancellationToken cancellationToken);

    /// <summary>Writes the item and returns the new ETag.</summary>
    Task<string> WriteAsync(string key, StoreItem item, CancellationToken cancellationToken);

    Task DeleteAsync(string key, CancellationToken cancellationToken);
}

public sealed class StorageConflictException(string key)
    : Exception($"The document '{key}' was changed by someone else since it was read.")
{
    public string Key { get; } = key;
}

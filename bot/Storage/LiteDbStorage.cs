using System.Collections.Concurrent;
using System.Globalization;
using CustomerCare.Builder;
using LiteDB;

namespace CustomerCare.Bot.Storage;

/// <summary>
/// Conversation and user state in LiteDB: one document per key holding the JSON and a numeric ETag.
/// Writes go through the group-commit writer, one thread, so the ETag compare and the upsert cannot interleave
/// with another write; the caller continues once the write is committed. Because one process owns the data file,
/// committed documents are also kept in a bounded in-memory cache that serves reads, and the writer remembers the
/// ETags it wrote, so a write looks a document up only the first time.
/// </summary>
public sealed class LiteDbStorage(LiteDatabase database, LiteDbWriter writer) : IStorage
{
    /// <summary>Keys longer than this (in UTF-8) are stored under their SHA-256: LiteDB's index keys are at most 1,023 bytes.</summary>
    private const int LongestStoredKey = 512;

    private const string CollectionName = "state";
    private const int CacheCapacity = 20_000;
    private readonly ILiteCollection<BsonDocument> _state = database.GetCollection(CollectionName);
    private readonly ConcurrentDictionary<string, StoreItem> _cache = new(StringComparer.Ordinal);
    private readonly WrittenDocuments<string> _writtenETags = new(writer, CacheCapacity);

    public Task<StoreItem?> ReadAsync(string key, CancellationToken cancellationToken)
    {
        if (_cache.TryGetValue(key, out var cached))
        {
            return Task.FromResult<StoreItem?>(cached);
        }
        var document = _state.FindById(Id(key));
        return Task.FromResult(document is null ? null : new StoreItem(document["json"].AsString, ETagOf(document)));
    }

    public async Task<string> WriteAsync(string key, StoreItem item, CancellationToken cancellationToken)
    {
        var etag = await writer.WriteAsync(db =>
        {
            var state = db.GetCollection(CollectionName);
            var currentETag = _writtenETags.Get(key, _ => state.FindById(Id(key)) is { } current ? ETagOf(current) : null);
            if (item.ETag != "*" && item.ETag != currentETag)
            {
                throw new StorageConflictException(key);
            }
            var version = currentETag is null ? 1 : long.Parse(currentETag, CultureInfo.InvariantCulture) + 1;
            state.Upsert(new BsonDocument { ["_id"] = Id(key), ["etag"] = version, ["json"] = item.Json });
            var written = version.ToString(CultureInfo.InvariantCulture);
            _writtenETags.Set(key, written);
            return written;
        }, synced: false).ConfigureAwait(false);
        Remember(key, new StoreItem(item.Json, etag));
        return etag;
    }

    public async Task DeleteAsync(string key, CancellationToken cancellationToken)
    {
        _cache.TryRemove(key, out _);
        await writer.WriteAsync(db =>
        {
            _writtenETags.Set(key, null);
            return db.GetCollection(CollectionName).Delete(Id(key));
        }).ConfigureAwait(false);
        _cache.TryRemove(key, out _);
    }

    /// <summary>Deletes a key's state inside a writer transaction (retention, erasure), and forgets what was kept of it.</summary>
    internal bool Forget(LiteDatabase db, string key)
    {
        _cache.TryRemove(key, out _);
        _writtenETags.Set(key, null);
        return db.GetCollection(CollectionName).Delete(Id(key));
    }

    /// <summary>The stored JSON of a key, or null (for a data-subject export).</summary>
    internal string? Json(string key) => _state.FindById(Id(key))?["json"].AsString;

    private void Remember(string key, StoreItem item)
    {
        if (_cache.Count >= CacheCapacity)
        {
            _cache.Clear();
        }
        _cache[key] = item;
    }

    /// <summary>The document id of a key: the key itself, or for a very long one "\u0001sha256:" and its hash (no real key starts with U+0001).</summary>
    private static string Id(string key)
        => System.Text.Encoding.UTF8.GetByteCount(key) <= LongestStoredKey
            ? key
            : "\u0001sha256:" + Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(key)));

    private static string ETagOf(BsonDocument document) => document["etag"].AsInt64.ToString(CultureInfo.InvariantCulture);
}

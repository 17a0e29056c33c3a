using System.Globalization;
using CustomerCare.Builder;
using LiteDB;

namespace CustomerCare.Bot.Storage;

/// <summary>
/// Conversation and user state in LiteDB: one document per key holding the JSON and a numeric ETag.
/// The ETag compare and the write happen under a per-key lock in this process (one process per data file),
/// and each write is a single atomic LiteDB upsert.
/// </summary>
public sealed class LiteDbStorage : IStorage
{
    private const string CollectionName = "state";
    private readonly ILiteCollection<BsonDocument> _state;
    private readonly Lock[] _locks = Enumerable.Range(0, 256).Select(_ => new Lock()).ToArray();

    public LiteDbStorage(LiteDatabase database) => _state = database.GetCollection(CollectionName);

    public Task<StoreItem?> ReadAsync(string key, CancellationToken cancellationToken)
    {
        var document = _state.FindById(key);
        return Task.FromResult(document is null ? null : new StoreItem(document["json"].AsString, ETagOf(document)));
    }

    public Task<string> WriteAsync(string key, StoreItem item, CancellationToken cancellationToken)
    {
        lock (LockFor(key))
        {
            var current = _state.FindById(key);
            var currentETag = current is null ? null : ETagOf(current);
            if (item.ETag != "*" && item.ETag != currentETag)
            {
                throw new StorageConflictException(key);
            }
            var version = current is null ? 1 : current["etag"].AsInt64 + 1;
            _state.Upsert(new BsonDocument
            {
                ["_id"] = key,
                ["etag"] = version,
                ["json"] = item.Json,
            });
            return Task.FromResult(version.ToString(CultureInfo.InvariantCulture));
        }
    }

    public Task DeleteAsync(string key, CancellationToken cancellationToken)
    {
        lock (LockFor(key))
        {
            _state.Delete(key);
        }
        return Task.CompletedTask;
    }

    private static string ETagOf(BsonDocument document) => document["etag"].AsInt64.ToString(CultureInfo.InvariantCulture);

    private Lock LockFor(string key) => _locks[(uint)StringComparer.Ordinal.GetHashCode(key) % (uint)_locks.Length];
}

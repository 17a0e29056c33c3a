using CustomerCare.Bot.Health;
using LiteDB;

namespace CustomerCare.Bot.Storage;

/// <summary>
/// The readiness write in the data file, through the one writer, so a stalled writer or a disk that takes no writes
/// shows. It is not synced itself: a batch it joins is synced only if another write in it asks to be.
/// </summary>
public sealed class LiteDbStoreProbe(LiteDbWriter writer) : IStoreProbe
{
    public Task WriteAsync(DateTime nowUtc, CancellationToken cancellationToken)
        => writer.WriteAsync(db => db.GetCollection("settings").Upsert(new BsonDocument { ["_id"] = "health.probe", ["atUtc"] = nowUtc }), synced: false);
}

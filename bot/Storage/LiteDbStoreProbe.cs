using CustomerCare.Bot.Health;
using LiteDB;

namespace CustomerCare.Bot.Storage;

/// <summary>The readiness write in the data file: a synced write through the one writer, so a stalled writer or a full disk shows.</summary>
public sealed class LiteDbStoreProbe(LiteDbWriter writer) : IStoreProbe
{
    public Task WriteAsync(DateTime nowUtc, CancellationToken cancellationToken)
        => writer.WriteAsync(db => db.GetCollection("settings").Upsert(new BsonDocument { ["_id"] = "health.probe", ["atUtc"] = nowUtc }));
}

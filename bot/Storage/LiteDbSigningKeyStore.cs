using CustomerCare.Bot.DirectLine;
using LiteDB;

namespace CustomerCare.Bot.Storage;

/// <summary>The signing key in the data file's settings, kept through the one writer, synced before it is used.</summary>
public sealed class LiteDbSigningKeyStore(LiteDbWriter writer) : ISigningKeyStore
{
    private const string Id = "directline.signingKey";

    /// <summary>The key kept in the data file, or null when there is none (nothing is created).</summary>
    public byte[]? Kept() => writer.WriteAsync(db => db.GetCollection("settings").FindById(Id)?["value"].AsBinary, synced: false).GetAwaiter().GetResult();

    /// <remarks>Asked once, while the bot starts: it waits for the writer there.</remarks>
    public byte[] GetOrAdd(byte[] created)
        => writer.WriteAsync(db =>
        {
            var settings = db.GetCollection("settings");
            if (settings.FindById(Id) is { } existing)
            {
                return existing["value"].AsBinary;
            }
            settings.Insert(new BsonDocument { ["_id"] = Id, ["value"] = created });
            return created;
        }).GetAwaiter().GetResult();
}

using System.Globalization;
using System.Text.Json;
using CustomerCare.Bot.Storage;
using CustomerCare.Schema;
using LiteDB;
using JsonSerializer = System.Text.Json.JsonSerializer;

namespace CustomerCare.Bot.Transcripts;

/// <summary>
/// The transcript of every conversation in LiteDB, in the order activities happened. Entries are stored in
/// chunks: one document per conversation per written batch, keyed "{channel}/{conversation}|{sequence}", so a
/// conversation is one range of the primary key and no secondary index has to be maintained on the hot path.
/// </summary>
public sealed class TranscriptStore
{
    private const string CollectionName = "transcripts";
    private const string SequenceId = "transcripts.sequence";
    private readonly ILiteCollection<BsonDocument> _chunks;
    private readonly LiteDbWriter _writer;
    private long? _sequence;

    public TranscriptStore(LiteDatabase database, LiteDbWriter writer)
    {
        _writer = writer;
        _chunks = database.GetCollection(CollectionName);
    }

    /// <summary>Appends the entries in order; completes once they are committed.</summary>
    public Task AppendAsync(IReadOnlyCollection<TranscriptEntry> entries)
    {
        if (entries.Count == 0)
        {
            return Task.CompletedTask;
        }
        var byConversation = entries.GroupBy(e => Key(e.ChannelId, e.ConversationId))
            .Select(g => (Key: g.Key, Entries: new BsonArray(g.Select(ToBson))))
            .ToList();
        return _writer.WriteAsync(db => AppendChunks(db, byConversation), synced: false);
    }

    /// <summary>The conversation's activities in logged order.</summary>
    public IReadOnlyList<Activity> GetActivities(string channelId, string conversationId)
        => _chunks.Find(Query.StartsWith("_id", Key(channelId, conversationId) + "|"))
            .SelectMany(chunk => chunk["entries"].AsArray)
            .Select(entry => JsonSerializer.Deserialize(entry["json"].AsString, ProtocolJsonContext.Default.Activity)!)
            .ToList();

    public bool Exists(string channelId, string conversationId)
        => _chunks.Exists(Query.StartsWith("_id", Key(channelId, conversationId) + "|"));

    /// <summary>Runs on the writer's thread, so the sequence needs no lock.</summary>
    private int AppendChunks(LiteDatabase db, List<(string Key, BsonArray Entries)> chunks)
    {
        var settings = db.GetCollection("settings");
        _sequence ??= settings.FindById(SequenceId)?["value"].AsInt64 ?? 0;
        var collection = db.GetCollection(CollectionName);
        foreach (var (key, entries) in chunks)
        {
            _sequence++;
            collection.Insert(new BsonDocument
            {
                ["_id"] = key + "|" + _sequence.Value.ToString("D12", CultureInfo.InvariantCulture),
                ["entries"] = entries,
            });
        }
        settings.Upsert(new BsonDocument { ["_id"] = SequenceId, ["value"] = _sequence.Value });
        return chunks.Count;
    }

    private static BsonDocument ToBson(TranscriptEntry entry) => new()
    {
        ["timestamp"] = entry.TimestampUtc,
        ["role"] = entry.Role,
        ["type"] = entry.Type,
        ["json"] = entry.Json,
    };

    private static string Key(string channelId, string conversationId) => channelId + "/" + conversationId;
}

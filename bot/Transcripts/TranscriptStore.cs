using System.Text.Json;
using CustomerCare.Schema;
using LiteDB;
using JsonSerializer = System.Text.Json.JsonSerializer;

namespace CustomerCare.Bot.Transcripts;

/// <summary>The transcript of every conversation in LiteDB, in the order activities happened.</summary>
public sealed class TranscriptStore
{
    private readonly ILiteCollection<BsonDocument> _entries;

    public TranscriptStore(LiteDatabase database)
    {
        _entries = database.GetCollection("transcripts", BsonAutoId.Int64);
        _entries.EnsureIndex("conversation");
    }

    public void Append(IReadOnlyCollection<TranscriptEntry> entries)
    {
        if (entries.Count == 0)
        {
            return;
        }
        _entries.InsertBulk(entries.Select(e => new BsonDocument
        {
            ["conversation"] = Key(e.ChannelId, e.ConversationId),
            ["timestamp"] = e.TimestampUtc,
            ["role"] = e.Role,
            ["type"] = e.Type,
            ["json"] = e.Json,
        }), batchSize: 5000);
    }

    /// <summary>The conversation's activities in logged order.</summary>
    public IReadOnlyList<Activity> GetActivities(string channelId, string conversationId)
        => _entries.Find(Query.EQ("conversation", Key(channelId, conversationId)))
            .OrderBy(d => d["_id"].AsInt64)
            .Select(d => JsonSerializer.Deserialize(d["json"].AsString, ProtocolJsonContext.Default.Activity)!)
            .ToList();

    public bool Exists(string channelId, string conversationId)
        => _entries.Exists(Query.EQ("conversation", Key(channelId, conversationId)));

    private static string Key(string channelId, string conversationId) => channelId + "/" + conversationId;
}

using CustomerCare.Builder;
using CustomerCare.Bot.Transcripts;
using System.Globalization;
using CustomerCare.Bot.Supervisors;
using CustomerCare.Schema;
using LiteDB;
using JsonSerializer = System.Text.Json.JsonSerializer;

namespace CustomerCare.Bot.Storage;

/// <summary>
/// The transcript of every conversation in LiteDB, in the order activities happened. Entries are stored in
/// chunks: one document per conversation per written batch, keyed "{channel}/{conversation}|{sequence}", so a
/// conversation is one range of the primary key and no secondary index has to be maintained on the hot path.
/// The words customers and agents wrote go to a small document under the chunk's sequence number, with the conversation's
/// key as a field (the supervisors' search loads them all; ascending numbers keep each insert on the index's newest
/// pages), and the supervisors' conversation summary is updated in the same transaction.
/// </summary>
public sealed class TranscriptStore : ITranscriptStore
{
    public const string CollectionName = "transcripts";
    public const string TermsCollectionName = "transcriptTerms";
    private const string SequenceId = "transcripts.sequence";
    private readonly ILiteCollection<BsonDocument> _chunks;
    private readonly LiteDbWriter _writer;
    private readonly ConversationIndex? _index;
    private long? _sequence;

    public TranscriptStore(LiteDatabase database, LiteDbWriter writer, ConversationIndex? index = null)
    {
        _writer = writer;
        _index = index;
        _chunks = database.GetCollection(CollectionName);
    }

    /// <summary>Appends the entries in order; completes once they are committed.</summary>
    public Task AppendAsync(IReadOnlyCollection<TranscriptEntry> entries)
    {
        if (entries.Count == 0)
        {
            return Task.CompletedTask;
        }
        var byConversation = entries.GroupBy(e => (e.ChannelId, e.ConversationId)).Select(g => g.ToList()).ToList();
        return _writer.WriteAsync(db => AppendChunks(db, byConversation), synced: false);
    }

    public Task<IReadOnlyList<Activity>> GetActivitiesAsync(string channelId, string conversationId, CancellationToken cancellationToken)
        => Task.FromResult<IReadOnlyList<Activity>>(Activities(_chunks, Key(channelId, conversationId)));

    /// <summary>The activities stored under a "{channel}/{conversation}" key, in logged order (also inside a writer transaction).</summary>
    public static IReadOnlyList<Activity> Activities(LiteDatabase db, string key) => Activities(db.GetCollection(CollectionName), key);

    private static List<Activity> Activities(ILiteCollection<BsonDocument> chunks, string key)
        => Chunks(chunks, key)
            .SelectMany(chunk => chunk["entries"].AsArray)
            .Select(entry => JsonSerializer.Deserialize(entry["json"].AsString, ProtocolJsonContext.Default.Activity)!)
            .ToList();

    public Task<bool> ExistsAsync(string channelId, string conversationId, CancellationToken cancellationToken)
        => Task.FromResult(Chunks(_chunks, Key(channelId, conversationId)).Any());

    /// <summary>Deletes the conversation's transcript and its search words; runs inside a writer transaction.</summary>
    public static int Delete(LiteDatabase db, string key)
    {
        var chunks = db.GetCollection(CollectionName);
        var terms = db.GetCollection(TermsCollectionName);
        var ids = Chunks(chunks, key).Select(d => d["_id"].AsString).ToList();
        var deleted = 0;
        foreach (var id in ids)
        {
            deleted += (chunks.Delete(id) ? 1 : 0) + (terms.Delete(SequenceOf(id)) ? 1 : 0);
        }
        // Data files written before the search words were numbered kept them under the chunk's key.
        return deleted + DeleteChunks(terms, key);
    }

    /// <summary>The conversation a search-words document belongs to (older files: the key before the chunk's "|sequence").</summary>
    public static string ConversationOfTerms(BsonDocument terms)
        => terms["conversation"] is { IsString: true } key ? key.AsString : terms["_id"].AsString[..terms["_id"].AsString.LastIndexOf('|')];

    private static long SequenceOf(string chunkId) => long.Parse(chunkId.AsSpan(chunkId.LastIndexOf('|') + 1), CultureInfo.InvariantCulture);

    /// <summary>The documents stored under "{key}|…", in key order.</summary>
    private static IEnumerable<BsonDocument> Chunks(ILiteCollection<BsonDocument> collection, string key)
        => collection.Find(Filters.StartsWith("_id", key + "|")).Where(d => Filters.StartsExactly(d, "_id", key + "|"));

    private static int DeleteChunks(ILiteCollection<BsonDocument> collection, string key)
        => Chunks(collection, key).Select(d => d["_id"]).ToList().Count(collection.Delete);

    /// <summary>Runs on the writer's thread, so the sequence needs no lock.</summary>
    private int AppendChunks(LiteDatabase db, List<List<TranscriptEntry>> conversations)
    {
        var settings = db.GetCollection("settings");
        _sequence ??= settings.FindById(SequenceId)?["value"].AsInt64 ?? 0;
        var collection = db.GetCollection(CollectionName);
        var terms = db.GetCollection(TermsCollectionName);
        foreach (var entries in conversations)
        {
            _sequence++;
            var key = Key(entries[0].ChannelId, entries[0].ConversationId);
            var id = key + "|" + _sequence.Value.ToString("D12", CultureInfo.InvariantCulture);
            collection.Insert(new BsonDocument { ["_id"] = id, ["entries"] = new BsonArray(entries.Select(ToBson)) });
            if (entries[0].ConversationType == "channel")
            {
                // A Teams channel thread is the agents' side: summarised for retention only, and not searched.
                _index?.Change(db, entries[0].ChannelId, entries[0].ConversationId, summary => TranscriptSummary.Add(summary, entries) with { AgentsThread = true });
                continue;
            }
            var written = entries.Where(e => e.Type == ActivityTypes.Message && (e.Role == RoleTypes.User || e.AgentName is not null))
                .SelectMany(e => SearchTerms.Of(e.Text)).Distinct(StringComparer.Ordinal).ToList();
            if (written.Count > 0)
            {
                terms.Insert(new BsonDocument { ["_id"] = _sequence.Value, ["conversation"] = key, ["terms"] = new BsonArray(written.Select(t => new BsonValue(t))) });
                _index?.AddTerms(key, written);
            }
            _index?.Change(db, entries[0].ChannelId, entries[0].ConversationId, summary => TranscriptSummary.Add(summary, entries));
        }
        settings.Upsert(new BsonDocument { ["_id"] = SequenceId, ["value"] = _sequence.Value });
        return conversations.Count;
    }

    private static BsonDocument ToBson(TranscriptEntry entry) => new()
    {
        ["timestamp"] = entry.TimestampUtc,
        ["role"] = entry.Role,
        ["type"] = entry.Type,
        ["json"] = entry.Json,
    };

    private static string Key(string channelId, string conversationId) => ConversationKey.Of(channelId, conversationId);
}

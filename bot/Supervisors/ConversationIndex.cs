using CustomerCare.Bot.Storage;
using LiteDB;

namespace CustomerCare.Bot.Supervisors;

/// <summary>
/// The supervisors' index of customer conversations: one summary document per conversation in LiteDB, changed inside
/// the same transaction as the transcript, grant or case write that caused it, and mirrored in memory once a
/// supervisor first asks, so filtering 100,000 conversations is a scan of small records rather than of the data file.
/// Text search uses the words index on the transcript chunks.
/// </summary>
public sealed class ConversationIndex
{
    public const string CollectionName = "conversations";
    private readonly LiteDbWriter _writer;
    private readonly Lock _gate = new();
    private Dictionary<string, ConversationSummary>? _mirror;

    public ConversationIndex(LiteDatabase database, LiteDbWriter writer)
    {
        _writer = writer;
        database.GetCollection(CollectionName).EnsureIndex("lastUtc");
        database.GetCollection(CollectionName).EnsureIndex("caseReference");
        writer.RolledBack += () =>
        {
            lock (_gate)
            {
                _mirror = null;
            }
        };
    }

    /// <summary>Changes one conversation's summary; runs inside a writer transaction. <paramref name="change"/> gets null for a new one.</summary>
    public void Change(LiteDatabase db, string channelId, string conversationId, Func<ConversationSummary, ConversationSummary> change)
    {
        var collection = db.GetCollection(CollectionName);
        var key = channelId + "/" + conversationId;
        var current = collection.FindById(key) is { } document ? ConversationSummary.FromDocument(document) : new ConversationSummary(channelId, conversationId);
        var changed = change(current);
        collection.Upsert(changed.ToDocument());
        lock (_gate)
        {
            if (_mirror is not null)
            {
                _mirror[key] = changed;
            }
        }
    }

    /// <summary>Removes summaries (retention); runs inside a writer transaction.</summary>
    public void Remove(LiteDatabase db, IEnumerable<string> keys)
    {
        var collection = db.GetCollection(CollectionName);
        foreach (var key in keys)
        {
            collection.Delete(key);
            lock (_gate)
            {
                _mirror?.Remove(key);
            }
        }
    }

    public async Task<ConversationSummary?> FindAsync(string channelId, string conversationId)
    {
        await EnsureLoadedAsync().ConfigureAwait(false);
        lock (_gate)
        {
            return _mirror is not null && _mirror.TryGetValue(channelId + "/" + conversationId, out var summary) ? summary : null;
        }
    }

    /// <summary>The summaries matching <paramref name="predicate"/>, as of now.</summary>
    public async Task<List<ConversationSummary>> WhereAsync(Func<ConversationSummary, bool> predicate)
    {
        await EnsureLoadedAsync().ConfigureAwait(false);
        lock (_gate)
        {
            return _mirror is null ? [] : _mirror.Values.Where(predicate).ToList();
        }
    }

    /// <summary>Loads the mirror on first use, on the writer, so no change made meanwhile is missed.</summary>
    private async Task EnsureLoadedAsync()
    {
        lock (_gate)
        {
            if (_mirror is not null)
            {
                return;
            }
        }
        await _writer.WriteAsync(db =>
        {
            var loaded = db.GetCollection(CollectionName).FindAll().Select(ConversationSummary.FromDocument).ToDictionary(s => s.Key, StringComparer.Ordinal);
            lock (_gate)
            {
                _mirror ??= loaded;
            }
            return loaded.Count;
        }, synced: false).ConfigureAwait(false);
    }
}

using CustomerCare.Bot.Storage;
using CustomerCare.Bot.Transcripts;
using LiteDB;

namespace CustomerCare.Bot.Supervisors;

/// <summary>
/// The supervisors' index of customer conversations: one summary document per conversation in LiteDB, changed inside
/// the same transaction as the transcript, grant or case write that caused it, and mirrored in memory (with the words
/// customers and agents wrote) once a supervisor first asks — so filtering and searching 100,000 conversations is a
/// scan of small records, not of the data file. The mirror loads beside the writer; changes made meanwhile are replayed.
/// </summary>
public sealed class ConversationIndex
{
    public const string CollectionName = "conversations";
    private readonly LiteDatabase _database;
    private readonly Lock _gate = new();
    private ConversationMirror? _mirror;
    private List<Action<ConversationMirror>>? _missed;
    private Task? _loading;
    private int _generation;

    public ConversationIndex(LiteDatabase database, LiteDbWriter writer)
    {
        _database = database;
        database.GetCollection(CollectionName).EnsureIndex("lastUtc");
        writer.RolledBack += () =>
        {
            lock (_gate)
            {
                // The mirror may hold changes that were never committed: drop it, reload on next use.
                _mirror = null;
                _missed = null;
                _generation++;
            }
        };
    }

    /// <summary>Changes one conversation's summary; runs inside a writer transaction.</summary>
    public void Change(LiteDatabase db, string channelId, string conversationId, Func<ConversationSummary, ConversationSummary> change)
    {
        var collection = db.GetCollection(CollectionName);
        var key = channelId + "/" + conversationId;
        var current = collection.FindById(key) is { } document ? ConversationSummary.FromDocument(document) : new ConversationSummary(channelId, conversationId);
        var changed = change(current);
        collection.Upsert(changed.ToDocument());
        Mirror(mirror => mirror.Put(changed));
    }

    /// <summary>Notes the words a customer or agent wrote in a conversation (already stored with the transcript).</summary>
    public void AddTerms(string key, IReadOnlyList<string> terms) => Mirror(mirror => mirror.AddTerms(key, terms));

    /// <summary>Removes summaries (retention); runs inside a writer transaction.</summary>
    public void Remove(LiteDatabase db, IReadOnlyList<string> keys)
    {
        var collection = db.GetCollection(CollectionName);
        foreach (var key in keys)
        {
            collection.Delete(key);
        }
        Mirror(mirror => keys.ToList().ForEach(mirror.Remove));
    }

    public async Task<ConversationSummary?> FindAsync(string channelId, string conversationId)
        => await ReadAsync(mirror => mirror.Find(channelId + "/" + conversationId)).ConfigureAwait(false);

    /// <summary>Reads the mirror under its lock, loading it first if needed. Keep <paramref name="read"/> short and allocation-light.</summary>
    internal async Task<T> ReadAsync<T>(Func<ConversationMirror, T> read)
    {
        while (true)
        {
            Task loading;
            lock (_gate)
            {
                if (_mirror is not null)
                {
                    return read(_mirror);
                }
                _loading ??= Task.Run(Load);
                loading = _loading;
            }
            await loading.ConfigureAwait(false);
        }
    }

    private void Mirror(Action<ConversationMirror> apply)
    {
        lock (_gate)
        {
            if (_mirror is not null)
            {
                apply(_mirror);
            }
            else
            {
                _missed?.Add(apply);
            }
        }
    }

    /// <summary>Reads every summary and every word from the file without holding up the writer; replays what changed meanwhile.</summary>
    private void Load()
    {
        int generation;
        lock (_gate)
        {
            _missed = [];
            generation = _generation;
        }
        var mirror = new ConversationMirror();
        try
        {
            foreach (var document in _database.GetCollection(CollectionName).FindAll())
            {
                mirror.Put(ConversationSummary.FromDocument(document));
            }
            foreach (var document in _database.GetCollection(TranscriptStore.TermsCollectionName).FindAll())
            {
                var id = document["_id"].AsString;
                mirror.AddTerms(id[..id.LastIndexOf('|')], document["terms"].AsArray.Select(t => t.AsString));
            }
        }
        catch
        {
            mirror = null;
            throw;
        }
        finally
        {
            lock (_gate)
            {
                if (mirror is not null && generation == _generation && _missed is not null)
                {
                    _missed.ForEach(apply => apply(mirror));
                    _mirror = mirror;
                }
                _missed = null;
                _loading = null;
            }
        }
    }
}

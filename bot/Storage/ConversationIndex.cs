using CustomerCare.Builder;
using CustomerCare.Bot.Supervisors;
using System.Collections.Concurrent;
using CustomerCare.Bot.Transcripts;
using LiteDB;

namespace CustomerCare.Bot.Storage;

/// <summary>
/// The supervisors' index of customer conversations: one summary document per conversation in LiteDB, changed inside
/// the same transaction as the transcript, grant or case write that caused it, and mirrored in memory (with the words
/// customers and agents wrote) once a supervisor first asks — so filtering and searching 100,000 conversations is a
/// scan of small records, not of the data file. Changes reach the mirror only once committed; the writer never waits
/// for a reader: it queues them, and readers apply the queue before they read.
/// </summary>
public sealed class ConversationIndex
{
    public const string CollectionName = "conversations";
    private readonly LiteDatabase _database;
    private readonly Lock _gate = new();
    private readonly List<Action<ConversationMirror>> _uncommitted = [];
    private readonly ConcurrentQueue<Action<ConversationMirror>> _committed = new();
    private readonly WrittenDocuments<ConversationSummary> _written;
    private ConversationMirror? _mirror;
    private Task? _loading;
    private volatile bool _tracking;

    public ConversationIndex(LiteDatabase database, LiteDbWriter writer)
    {
        _database = database;
        _written = new WrittenDocuments<ConversationSummary>(writer);
        // Retention scans the summaries once per run; an index on lastUtc would be rewritten on every transcript write.
        database.GetCollection(CollectionName).DropIndex("lastUtc");
        // Both run on the writer's thread, which alone touches _uncommitted.
        writer.Committed += () =>
        {
            if (_tracking)
            {
                _uncommitted.ForEach(_committed.Enqueue);
                ApplyCommittedIfFree();
            }
            _uncommitted.Clear();
        };
        writer.RolledBack += _uncommitted.Clear;
    }

    /// <summary>Changes one conversation's summary; runs inside a writer transaction.</summary>
    public void Change(LiteDatabase db, string channelId, string conversationId, Func<ConversationSummary, ConversationSummary> change)
    {
        var collection = db.GetCollection(CollectionName);
        var key = ConversationKey.Of(channelId, conversationId);
        var current = _written.Get(key, id => collection.FindById(id) is { } document ? SummaryDocuments.FromDocument(document) : null)
            ?? new ConversationSummary(channelId, conversationId);
        var changed = change(current);
        collection.Upsert(SummaryDocuments.ToDocument(changed));
        _written.Set(key, changed);
        _uncommitted.Add(mirror => mirror.Put(changed));
    }

    /// <summary>Notes the words a customer or agent wrote in a conversation (stored with the transcript); inside a writer transaction.</summary>
    public void AddTerms(string key, IReadOnlyList<string> terms) => _uncommitted.Add(mirror => mirror.AddTerms(key, terms));

    /// <summary>Removes summaries (retention); runs inside a writer transaction.</summary>
    public void Remove(LiteDatabase db, IReadOnlyList<string> keys)
    {
        var collection = db.GetCollection(CollectionName);
        foreach (var key in keys)
        {
            collection.Delete(key);
            _written.Set(key, null);
        }
        _uncommitted.Add(mirror => keys.ToList().ForEach(mirror.Remove));
    }

    /// <summary>Keeps the queue short without ever making the writer wait: applies it only when no reader holds the mirror.</summary>
    private void ApplyCommittedIfFree()
    {
        if (_mirror is null || !_gate.TryEnter())
        {
            return;
        }
        try
        {
            while (_mirror is not null && _committed.TryDequeue(out var apply))
            {
                apply(_mirror);
            }
        }
        finally
        {
            _gate.Exit();
        }
    }

    public async Task<ConversationSummary?> FindAsync(string channelId, string conversationId)
        => await ReadAsync(mirror => mirror.Find(ConversationKey.Of(channelId, conversationId))).ConfigureAwait(false);

    /// <summary>Reads the mirror under its lock (loading it first if needed), after applying every committed change.</summary>
    internal async Task<T> ReadAsync<T>(Func<ConversationMirror, T> read)
    {
        while (true)
        {
            Task loading;
            lock (_gate)
            {
                if (_mirror is not null)
                {
                    while (_committed.TryDequeue(out var apply))
                    {
                        apply(_mirror);
                    }
                    return read(_mirror);
                }
                if (_loading is null)
                {
                    // From here every committed change is queued, so whatever the scan below misses is replayed.
                    _committed.Clear();
                    _tracking = true;
                    _loading = Task.Run(Load);
                }
                loading = _loading;
            }
            await loading.ConfigureAwait(false);
        }
    }

    /// <summary>Reads every summary and every word from the file beside the writer; replays the changes committed meanwhile.</summary>
    private void Load()
    {
        var mirror = new ConversationMirror();
        ConversationMirror? loaded = null;
        try
        {
            foreach (var document in _database.GetCollection(CollectionName).FindAll())
            {
                mirror.Put(SummaryDocuments.FromDocument(document));
            }
            foreach (var document in _database.GetCollection(TranscriptStore.TermsCollectionName).FindAll())
            {
                mirror.AddTerms(TranscriptStore.ConversationOfTerms(document), document["terms"].AsArray.Select(t => t.AsString));
            }
            loaded = mirror;
        }
        finally
        {
            lock (_gate)
            {
                _mirror = loaded;
                _tracking = loaded is not null;
                _loading = null;
            }
        }
    }
}

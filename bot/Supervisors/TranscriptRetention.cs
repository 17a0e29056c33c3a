using CustomerCare.Bot.Storage;
using CustomerCare.Bot.Transcripts;
using LiteDB;
using Microsoft.Extensions.Options;

namespace CustomerCare.Bot.Supervisors;

/// <summary>
/// Deletes transcripts (and their search words and summaries) whose last activity is older than the retention
/// period, in small batches so turns keep flowing. Ledger entries, cases and reviews stay.
/// </summary>
public sealed partial class TranscriptRetention(LiteDatabase database, LiteDbWriter writer, ConversationIndex index, IOptions<SupervisorOptions> options,
    TimeProvider clock, ILogger<TranscriptRetention> logger) : BackgroundService
{
    private const int Batch = 200;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.TranscriptRetentionDays == 0)
        {
            return;
        }
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(options.Value.RetentionCheckMinutes), clock);
        do
        {
            try
            {
                await RunOnceAsync().ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A failed run is retried at the next tick; it must not take the bot down.
                LogFailed(logger, ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    /// <summary>Deletes everything expired now; returns how many conversations were deleted.</summary>
    public async Task<int> RunOnceAsync()
    {
        var cutoff = clock.GetUtcNow().UtcDateTime.AddDays(-options.Value.TranscriptRetentionDays);
        var deleted = 0;
        // One scan of the summaries (small documents, no index to keep up on every write); each batch is checked again on the writer.
        var expired = database.GetCollection(ConversationIndex.CollectionName)
            .Find(Filters.Before("lastUtc", cutoff)).Select(d => d["_id"].AsString).ToList();
        foreach (var batch in expired.Chunk(Batch))
        {
            var removed = await writer.WriteAsync(db => DeleteExpired(db, batch, cutoff)).ConfigureAwait(false);
            deleted += removed.Count;
        }
        if (deleted > 0)
        {
            LogDeleted(logger, deleted, cutoff);
        }
        return deleted;
    }

    /// <summary>
    /// On the writer, so nothing changes underneath: a conversation is deleted only if it is still inactive and has no
    /// case waiting for or held by a person; the files the customer uploaded go with it.
    /// </summary>
    private List<string> DeleteExpired(LiteDatabase db, string[] keys, DateTime cutoff)
    {
        var summaries = db.GetCollection(ConversationIndex.CollectionName);
        var cases = db.GetCollection("cases");
        var removed = new List<string>();
        foreach (var key in keys)
        {
            if (summaries.FindById(key) is not { } summary || summary["lastUtc"].AsDateTime >= cutoff)
            {
                continue;
            }
            var (channel, conversation) = (summary["channelId"].AsString, summary["conversationId"].AsString);
            if (cases.Find(Filters.Equal("conversationId", conversation)).Any(c => c["channelId"].AsString == channel && CaseDocuments.StatusOf(c) != CustomerCare.Cases.CaseStatus.Closed))
            {
                continue;
            }
            foreach (var upload in Uploads(db, key))
            {
                db.FileStorage.Delete(upload);
            }
            TranscriptStore.Delete(db, key);
            removed.Add(key);
        }
        index.Remove(db, removed);
        return removed;
    }

    /// <summary>The ids of files uploaded in a conversation, from the attachment links in its transcript.</summary>
    private static IEnumerable<string> Uploads(LiteDatabase db, string key)
        => TranscriptStore.Activities(db, key)
            .SelectMany(activity => activity.Attachments ?? [])
            .Select(attachment => attachment.ContentUrl)
            .OfType<string>()
            .Where(url => url.Contains("/v3/directline/attachments/", StringComparison.Ordinal))
            .Select(url => url[(url.LastIndexOf('/') + 1)..])
            .Distinct()
            .ToList();

    [LoggerMessage(Level = LogLevel.Information, Message = "Deleted the transcripts of {Count} conversations inactive since before {Cutoff:u}")]
    private static partial void LogDeleted(ILogger logger, int count, DateTime cutoff);

    [LoggerMessage(Level = LogLevel.Error, Message = "Transcript retention failed")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}

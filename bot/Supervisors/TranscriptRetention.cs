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
            catch (Exception ex) when (ex is LiteException or IOException or ObjectDisposedException)
            {
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
        while (true)
        {
            var expired = database.GetCollection(ConversationIndex.CollectionName)
                .Find(Query.LT("lastUtc", cutoff), limit: Batch).Select(d => d["_id"].AsString).ToList();
            if (expired.Count == 0)
            {
                break;
            }
            await writer.WriteAsync(db =>
            {
                expired.ForEach(key => TranscriptStore.Delete(db, key));
                index.Remove(db, expired);
                return expired.Count;
            }).ConfigureAwait(false);
            deleted += expired.Count;
        }
        if (deleted > 0)
        {
            LogDeleted(logger, deleted, cutoff);
        }
        return deleted;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Deleted the transcripts of {Count} conversations inactive since before {Cutoff:u}")]
    private static partial void LogDeleted(ILogger logger, int count, DateTime cutoff);

    [LoggerMessage(Level = LogLevel.Error, Message = "Transcript retention failed")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}

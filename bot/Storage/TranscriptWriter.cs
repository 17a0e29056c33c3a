using CustomerCare.Bot.Transcripts;
using Microsoft.Extensions.Options;

namespace CustomerCare.Bot.Storage;

/// <summary>
/// Writes queued transcript entries to the store in batches, each gathered for a short while (see
/// <see cref="StorageOptions.TranscriptFlushMilliseconds"/>); drains the queue on shutdown so nothing is lost. A batch
/// the store cannot take at all (a full disk, a lost connection) is tried again, one to thirty seconds apart, until it
/// goes in: meanwhile the queue fills and turns feel its back-pressure, rather than entries being thrown away.
/// </summary>
public sealed partial class TranscriptWriter(TranscriptQueue queue, ITranscriptStore store, IOptions<StorageOptions> options, ILogger<TranscriptWriter> logger) : BackgroundService
{
    private const int MaxBatch = 2000;
    private static readonly TimeSpan FirstPause = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan LongestPause = TimeSpan.FromSeconds(30);

    /// <summary>Pauses between tries are real time, whatever clock the bot's rules run on.</summary>
    private static readonly TimeProvider RealTime = TimeProvider.System;
    private readonly CancellationTokenSource _stopping = new();

    // The loop's drain and the one at shutdown may overlap (a host that stops with a token already cancelled does not
    // wait for the loop): one drain at a time keeps the queue's single reader single and the entries in order.
    private readonly SemaphoreSlim _draining = new(1, 1);
    private readonly TimeSpan _gather = TimeSpan.FromMilliseconds(options.Value.TranscriptFlushMilliseconds);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (await queue.Reader.WaitToReadAsync(stoppingToken).ConfigureAwait(false))
            {
                if (_gather > TimeSpan.Zero)
                {
                    await Task.Delay(_gather, stoppingToken).ConfigureAwait(false);
                }
                await DrainAsync().ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: StopAsync drains what is left.
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
        await DrainAsync().ConfigureAwait(false);
    }

    /// <summary>Writes everything queued so far.</summary>
    private async Task DrainAsync()
    {
        await _draining.WaitAsync().ConfigureAwait(false);
        try
        {
            await DrainQueueAsync().ConfigureAwait(false);
        }
        finally
        {
            _draining.Release();
        }
    }

    private async Task DrainQueueAsync()
    {
        var batch = new List<TranscriptEntry>(MaxBatch);
        while (true)
        {
            batch.Clear();
            while (batch.Count < MaxBatch && queue.Reader.TryRead(out var entry))
            {
                batch.Add(entry);
            }
            if (batch.Count == 0)
            {
                return;
            }
            var appended = await TryAppendAsync(batch).ConfigureAwait(false);
            for (var pause = FirstPause; appended == Appended.Failed && !_stopping.IsCancellationRequested; pause = Min(pause * 2, LongestPause))
            {
                LogWaitingForStore(logger, batch.Count, pause.TotalSeconds);
                try
                {
                    await Task.Delay(pause, RealTime, _stopping.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
                appended = await TryAppendAsync(batch).ConfigureAwait(false);
            }
            if (appended == Appended.RefusedContent)
            {
                await AppendEachConversationAsync(batch).ConfigureAwait(false);
            }
            else if (appended == Appended.Failed)
            {
                LogBatchDropped(logger, batch.Count);
            }
        }
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;


    /// <summary>
    /// A batch the store refused is written again conversation by conversation, and a conversation the store still
    /// refuses entry by entry: one bad entry (an id the store cannot index, say) costs only itself, never the others'.
    /// </summary>
    private async Task AppendEachConversationAsync(List<TranscriptEntry> batch)
    {
        foreach (var conversation in batch.GroupBy(e => (e.ChannelId, e.ConversationId)).Select(g => g.ToList()))
        {
            var written = conversation.Count > 1 ? await TryAppendAsync(conversation).ConfigureAwait(false) : Appended.RefusedContent;
            foreach (var entry in written == Appended.RefusedContent ? conversation : [])
            {
                if (await TryAppendAsync([entry]).ConfigureAwait(false) == Appended.RefusedContent)
                {
                    LogEntryDropped(logger, entry.ChannelId.Length, entry.ConversationId.Length, entry.Type);
                }
            }
        }
    }

    private enum Appended
    {
        Written,

        /// <summary>The store refused what was written (an index key too long, a value out of range): another batch may well go in.</summary>
        RefusedContent,

        /// <summary>The store could not be written at all (a full disk, a lost connection): trying entry by entry would only wait longer.</summary>
        Failed,
    }

    private async Task<Appended> TryAppendAsync(IReadOnlyCollection<TranscriptEntry> entries)
    {
        try
        {
            await store.AppendAsync(entries).ConfigureAwait(false);
            return Appended.Written;
        }
        catch (Exception ex) when (ex is LiteDB.LiteException or System.Data.Common.DbException or TimeoutException or IOException or ObjectDisposedException)
        {
            LogWriteFailed(logger, ex, entries.Count);
            // PostgreSQL's data exceptions (class 22), constraint violations (23) and too-large values (54) are about the content.
            return ex is LiteDB.LiteException || ex is Npgsql.PostgresException { SqlState: ['2', '2' or '3', ..] or ['5', '4', ..] } ? Appended.RefusedContent : Appended.Failed;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The store cannot take {Count} transcript entries yet; trying again in {Seconds} s")]
    private static partial void LogWaitingForStore(ILogger logger, int count, double seconds);

    [LoggerMessage(Level = LogLevel.Error, Message = "Stopped with {Count} transcript entries the store never took")]
    private static partial void LogBatchDropped(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not write {Count} transcript entries")]
    private static partial void LogWriteFailed(ILogger logger, Exception exception, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Dropped one transcript entry the store refused on its own: a {Type}, with a channel id of {ChannelIdLength} and a conversation id of {IdLength} characters")]
    private static partial void LogEntryDropped(ILogger logger, int channelIdLength, int idLength, string type);
}

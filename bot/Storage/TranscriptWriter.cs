using CustomerCare.Bot.Transcripts;
using Microsoft.Extensions.Options;

namespace CustomerCare.Bot.Storage;

/// <summary>
/// Writes queued transcript entries to the store in batches, each gathered for a short while (see
/// <see cref="StorageOptions.TranscriptFlushMilliseconds"/>); drains the queue on shutdown so nothing is lost.
/// </summary>
public sealed partial class TranscriptWriter(TranscriptQueue queue, ITranscriptStore store, IOptions<StorageOptions> options, ILogger<TranscriptWriter> logger) : BackgroundService
{
    private const int MaxBatch = 2000;

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
            try
            {
                await store.AppendAsync(batch).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is LiteDB.LiteException or System.Data.Common.DbException or TimeoutException or IOException or ObjectDisposedException)
            {
                LogWriteFailed(logger, ex, batch.Count);
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not write {Count} transcript entries")]
    private static partial void LogWriteFailed(ILogger logger, Exception exception, int count);
}

namespace CustomerCare.Bot.Transcripts;

/// <summary>Writes queued transcript entries to the store in batches; drains the queue on shutdown so nothing is lost.</summary>
public sealed partial class TranscriptWriter(TranscriptQueue queue, TranscriptStore store, ILogger<TranscriptWriter> logger) : BackgroundService
{
    private const int MaxBatch = 2000;
    private readonly Lock _flushing = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<TranscriptEntry>(MaxBatch);
        try
        {
            while (await queue.Reader.WaitToReadAsync(stoppingToken).ConfigureAwait(false))
            {
                Flush(batch);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            Flush(batch);
        }
    }

    /// <summary>Writes everything queued so far (also used by tests and shutdown).</summary>
    public void Flush(List<TranscriptEntry>? buffer = null)
    {
        var batch = buffer ?? new List<TranscriptEntry>(MaxBatch);
        lock (_flushing)
        {
            FlushLocked(batch);
        }
    }

    private void FlushLocked(List<TranscriptEntry> batch)
    {
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
                store.Append(batch);
            }
            catch (Exception ex) when (ex is LiteDB.LiteException or IOException)
            {
                LogWriteFailed(logger, ex, batch.Count);
                return;
            }
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
        Flush();
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not write {Count} transcript entries")]
    private static partial void LogWriteFailed(ILogger logger, Exception exception, int count);
}

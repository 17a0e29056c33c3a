using System.Threading.Channels;

namespace CustomerCare.Bot.Transcripts;

/// <summary>
/// Hands transcript entries from turns to the background writer, so logging never slows a turn while the writer keeps
/// up. The queue holds at most <paramref name="capacity"/> entries (Storage:TranscriptQueueCapacity): when the writer
/// falls behind, a turn waits for room, and past <paramref name="wait"/> its entry is dropped rather than memory growing
/// without end or turns waiting for ever.
/// </summary>
public sealed partial class TranscriptQueue(int capacity, TimeSpan wait, ILogger<TranscriptQueue> logger)
{
    private readonly Channel<TranscriptEntry> _channel = Channel.CreateBounded<TranscriptEntry>(
        new BoundedChannelOptions(capacity) { SingleReader = true, SingleWriter = false, FullMode = BoundedChannelFullMode.Wait });

    /// <summary>Entries waiting for the writer now.</summary>
    public int Count => _channel.Reader.Count;

    /// <summary>Queues the entry, waiting for room while the queue is full; false when it was dropped (no room in time, or shutting down).</summary>
    public async ValueTask<bool> EnqueueAsync(TranscriptEntry entry, CancellationToken cancellationToken = default)
    {
        if (_channel.Writer.TryWrite(entry))
        {
            return true;
        }
        using var waited = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        waited.CancelAfter(wait);
        try
        {
            await _channel.Writer.WriteAsync(entry, waited.Token).ConfigureAwait(false);
            return true;
        }
        catch (Exception e) when (e is OperationCanceledException or ChannelClosedException)
        {
            LogDropped(logger, entry.Type, capacity);
            return false;
        }
    }

    public ChannelReader<TranscriptEntry> Reader => _channel.Reader;

    public void Complete() => _channel.Writer.TryComplete();

    [LoggerMessage(Level = LogLevel.Error, Message = "Dropped a transcript entry (a {Type}): the queue held {Capacity} entries and the writer made no room in time")]
    private static partial void LogDropped(ILogger logger, string type, int capacity);
}

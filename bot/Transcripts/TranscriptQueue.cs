using System.Threading.Channels;

namespace CustomerCare.Bot.Transcripts;

/// <summary>Hands transcript entries from turns to the background writer, so logging never slows a turn.</summary>
public sealed class TranscriptQueue
{
    private readonly Channel<TranscriptEntry> _channel = Channel.CreateUnbounded<TranscriptEntry>(
        new UnboundedChannelOptions { SingleReader = true, SingleWriter = false });

    public void Enqueue(TranscriptEntry entry) => _channel.Writer.TryWrite(entry);

    public ChannelReader<TranscriptEntry> Reader => _channel.Reader;

    public void Complete() => _channel.Writer.TryComplete();
}

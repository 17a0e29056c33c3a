using System.Globalization;
using System.Text.Json;
using CustomerCare.Bot.Transcripts;
using CustomerCare.Schema;
using Microsoft.Extensions.Options;

namespace CustomerCare.Bot.DirectLine;

/// <summary>
/// Reads a conversation's older activities, those that have left memory, back from its transcript: a page of at most
/// as many activities and bytes as memory keeps, at the positions after the watermark (each activity's id gives its
/// position; the transcript's own order is the order turns were logged in). Reading a transcript loads it whole for a
/// moment, so at most two are read at once. The transcript is written a moment after the stream: a read that finds it
/// behind waits for it, for up to two seconds, so no reader skips an activity that is still on its way.
/// </summary>
public sealed class DirectLineHistory(ITranscriptStore transcripts, IOptions<DirectLineOptions> options) : IDisposable
{
    private static readonly TimeSpan CatchUpPause = TimeSpan.FromMilliseconds(100);
    private const int CatchUpTries = 20;

    private readonly SemaphoreSlim _reads = new(2, 2);

    /// <summary>The recorded stream, updates merged, one transcript read at a time with the others.</summary>
    public async Task<List<Activity>> RecordedAsync(string conversationId, CancellationToken cancellationToken)
    {
        await _reads.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return TranscriptMerge.Merge(await transcripts.GetActivitiesAsync(DirectLineChannel.ChannelId, conversationId, cancellationToken).ConfigureAwait(false));
        }
        finally
        {
            _reads.Release();
        }
    }

    /// <summary>
    /// What a read after a watermark answers: the next page of history (activities at the positions after the watermark,
    /// by the positions their ids give, at most as many and as many bytes as memory keeps), or, with no history left to
    /// read, what memory holds. The whole read holds one of the two places, so at most two such pages are built at once.
    /// </summary>
    public async Task<ActivitySet> NextAsync(DirectLineConversation conversation, ConversationRead read, CancellationToken cancellationToken)
    {
        if (!read.NeedsHistory)
        {
            return read.Recent;
        }
        var limits = options.Value;
        await _reads.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var end = Math.Min(read.HistoryEnd, read.From + limits.MaxActivitiesInMemory);
            var page = await PageAsync(conversation.Id, read.From, end, cancellationToken).ConfigureAwait(false);
            for (var tries = 0; page.Count < end - read.From && tries < CatchUpTries; tries++)
            {
                // Real time, not the host's clock: this waits for the disk, not for a time of day.
                await Task.Delay(CatchUpPause, cancellationToken).ConfigureAwait(false);
                page = await PageAsync(conversation.Id, read.From, end, cancellationToken).ConfigureAwait(false);
            }
            // What the transcript still lacks after the wait was not kept (an entry the store refused): the reader moves on past it.
            var (kept, last, bytes) = (new List<Activity>(), read.From, 0L);
            foreach (var (activity, position) in page)
            {
                var size = JsonSerializer.SerializeToUtf8Bytes(activity, ProtocolJsonContext.Default.Activity).LongLength;
                if (kept.Count > 0 && bytes + size > limits.MaxBytesInMemory)
                {
                    return new ActivitySet(kept, last.ToString(CultureInfo.InvariantCulture));
                }
                (bytes, last) = (bytes + size, position);
                kept.Add(activity);
            }
            return end == read.HistoryEnd
                ? new ActivitySet([.. kept, .. read.Recent.Activities], read.Recent.Watermark)
                : new ActivitySet(kept, end.ToString(CultureInfo.InvariantCulture));
        }
        finally
        {
            _reads.Release();
        }
    }

    /// <summary>The recorded activities at positions after <paramref name="from"/> up to <paramref name="end"/>, in order.</summary>
    private async Task<List<(Activity Activity, int Position)>> PageAsync(string conversationId, int from, int end, CancellationToken cancellationToken)
    {
        var recorded = TranscriptMerge.Merge(await transcripts.GetActivitiesAsync(DirectLineChannel.ChannelId, conversationId, cancellationToken).ConfigureAwait(false));
        return DirectLineConversation.Positioned(conversationId, recorded).Where(p => p.Position > from && p.Position <= end).ToList();
    }

    public void Dispose() => _reads.Dispose();
}

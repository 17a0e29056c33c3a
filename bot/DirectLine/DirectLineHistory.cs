using System.Globalization;
using CustomerCare.Bot.Transcripts;
using CustomerCare.Schema;
using Microsoft.Extensions.Options;

namespace CustomerCare.Bot.DirectLine;

/// <summary>
/// Reads a conversation's older activities, those that have left memory, back from its transcript: a page of at most
/// as many activities as memory keeps, at positions after the watermark. Reading a transcript loads it whole for a
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

    /// <summary>What a read after a watermark answers: the next page of history, or, with no history left to read, what memory holds.</summary>
    public async Task<ActivitySet> NextAsync(DirectLineConversation conversation, ConversationRead read, CancellationToken cancellationToken)
    {
        if (!read.NeedsHistory)
        {
            return read.Recent;
        }
        var end = Math.Min(read.HistoryEnd, read.From + options.Value.MaxActivitiesInMemory);
        var recorded = await RecordedAsync(conversation.Id, cancellationToken).ConfigureAwait(false);
        for (var tries = 0; recorded.Count < end && tries < CatchUpTries; tries++)
        {
            // Real time, not the host's clock: this waits for the disk, not for a time of day.
            await Task.Delay(CatchUpPause, cancellationToken).ConfigureAwait(false);
            recorded = await RecordedAsync(conversation.Id, cancellationToken).ConfigureAwait(false);
        }
        // What the transcript still lacks after the wait was not kept (an entry the store refused): the reader moves on past it.
        var page = recorded.Take(end).Skip(read.From).ToList();
        return end == read.HistoryEnd
            ? new ActivitySet([.. page, .. read.Recent.Activities], read.Recent.Watermark)
            : new ActivitySet(page, end.ToString(CultureInfo.InvariantCulture));
    }

    public void Dispose() => _reads.Dispose();
}

using CustomerCare.Bot.Transcripts;
using CustomerCare.Schema;

namespace CustomerCare.Tests.Support;

/// <summary>A transcript read in a test's condition or assertion (the data file's store answers at once).</summary>
public static class TranscriptReads
{
    public static IReadOnlyList<Activity> GetActivities(this ITranscriptStore store, string channelId, string conversationId)
        => store.GetActivitiesAsync(channelId, conversationId, CancellationToken.None).GetAwaiter().GetResult();

    public static bool Exists(this ITranscriptStore store, string channelId, string conversationId)
        => store.ExistsAsync(channelId, conversationId, CancellationToken.None).GetAwaiter().GetResult();
}

using CustomerCare.Schema;

namespace CustomerCare.Bot.Transcripts;

/// <summary>The transcript of every conversation, in the order its activities happened, and what the supervisors' list learns from it.</summary>
public interface ITranscriptStore
{
    /// <summary>Appends the entries in order, with the summaries and search words of their conversations; completes once they are stored.</summary>
    Task AppendAsync(IReadOnlyCollection<TranscriptEntry> entries);

    /// <summary>The conversation's activities in logged order.</summary>
    Task<IReadOnlyList<Activity>> GetActivitiesAsync(string channelId, string conversationId, CancellationToken cancellationToken);

    Task<bool> ExistsAsync(string channelId, string conversationId, CancellationToken cancellationToken);
}

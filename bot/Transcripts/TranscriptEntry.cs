namespace CustomerCare.Bot.Transcripts;

/// <summary>One logged activity: which conversation, when, who spoke, and the activity's JSON as it was at that moment (masked).</summary>
public sealed record TranscriptEntry(string ChannelId, string ConversationId, DateTime TimestampUtc, string Role, string Type, string Json)
{
    /// <summary>The masked text, for the supervisors' search.</summary>
    public string? Text { get; init; }

    public string? Locale { get; init; }

    /// <summary>"channel" for a Teams channel thread (the agents' side), null or "personal" for customers.</summary>
    public string? ConversationType { get; init; }

    public string? FromId { get; init; }

    public string? FromName { get; init; }

    /// <summary>Set when a person wrote this message to the customer through the bot.</summary>
    public string? AgentName { get; init; }
}

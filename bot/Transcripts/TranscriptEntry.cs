namespace CustomerCare.Bot.Transcripts;

/// <summary>One logged activity: which conversation, when, who spoke, and the activity's JSON as it was at that moment.</summary>
public sealed record TranscriptEntry(string ChannelId, string ConversationId, DateTime TimestampUtc, string Role, string Type, string Json);

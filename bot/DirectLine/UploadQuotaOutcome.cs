namespace CustomerCare.Bot.DirectLine;

/// <summary>Whether an upload fits today's quotas, and if not, which one it would pass.</summary>
public enum UploadQuotaOutcome
{
    Taken,
    ConversationFull,
    ServiceFull,
}

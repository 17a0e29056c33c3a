namespace CustomerCare.Builder;

/// <summary>"{channel}/{conversation}": how every store names a conversation (transcripts, ledger, cases, reviews, summaries).</summary>
public static class ConversationKey
{
    public static string Of(string channelId, string conversationId) => channelId + "/" + conversationId;
}

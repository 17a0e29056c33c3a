namespace CustomerCare.Bot.Supervisors;

/// <summary>
/// The supervisors' list of customer conversations: one summary per conversation, fed by the stores as transcripts,
/// grants, hand-offs and reviews are written, filtered and searched newest first.
/// </summary>
public interface IConversationList
{
    /// <summary>One page of the conversations that match, newest first, with how many match in all.</summary>
    Task<ConversationPage> FindAsync(ConversationQuery query);

    /// <summary>Every conversation that matches, newest first (for exports).</summary>
    Task<List<ConversationSummary>> AllAsync(ConversationQuery query);

    /// <summary>The channels, agents and languages that occur, for the filter menus.</summary>
    Task<(IReadOnlyList<string> Channels, IReadOnlyList<string> Agents, IReadOnlyList<string> Languages)> FacetsAsync();

    Task<ConversationSummary?> FindAsync(string channelId, string conversationId);

    /// <summary>Changes one conversation's summary, creating it if there is none yet (a grant or a case before its first transcript).</summary>
    Task ChangeAsync(string channelId, string conversationId, Func<ConversationSummary, ConversationSummary> change);
}

using CustomerCare.Cases;

namespace CustomerCare.Bot.Supervisors;

/// <summary>
/// Feeds the supervisors' conversation list with the changes a case store outside the data file has committed
/// (PostgreSQL): handed off, the case's reference and booking, its agents and rating. A failure is logged and never
/// touches the case.
/// </summary>
public sealed partial class ConversationListCases(IConversationList list, ILogger<ConversationListCases> logger) : ICaseChanges
{
    public Task OpenedAsync(CaseFile caseFile) => ChangeAsync(caseFile, summary => CaseSummaries.Opened(summary, caseFile));

    public Task HeldByAsync(CaseFile caseFile, string agentName) => ChangeAsync(caseFile, summary => CaseSummaries.HeldBy(summary, agentName));

    public Task RatedAsync(CaseFile caseFile, int rating) => ChangeAsync(caseFile, summary => CaseSummaries.Rated(summary, rating));

    private async Task ChangeAsync(CaseFile caseFile, Func<ConversationSummary, ConversationSummary> change)
    {
        try
        {
            await list.ChangeAsync(caseFile.ChannelId, caseFile.ConversationId, change).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            LogNotListed(logger, e, caseFile.Reference);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A change to case {Reference} is stored but not shown in the supervisors' conversation list")]
    private static partial void LogNotListed(ILogger logger, Exception exception, string reference);
}

using CustomerCare.Ledger;

namespace CustomerCare.Bot.Supervisors;

/// <summary>
/// Feeds the supervisors' conversation list with grants a ledger outside the data file has committed (PostgreSQL): the
/// conversation's count of grants, its booking and agent. The list is a read model: a failure here is logged, and
/// never touches the grant.
/// </summary>
public sealed partial class ConversationListGrants(IConversationList list, ILogger<ConversationListGrants> logger)
{
    public async Task RecordedAsync(LedgerEntry entry)
    {
        try
        {
            await list.ChangeAsync(entry.GrantedBy.Channel, entry.GrantedBy.ConversationId, summary => summary.WithGrant(entry)).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            LogNotListed(logger, e, entry.Reference);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Grant {Reference} is in the ledger but not counted in the supervisors' conversation list")]
    private static partial void LogNotListed(ILogger logger, Exception exception, string reference);
}

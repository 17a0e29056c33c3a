using CustomerCare.Bot.Connector;
using CustomerCare.Cases;
using CustomerCare.Ledger;
using CustomerCare.Schema;

namespace CustomerCare.Bot.Teams;

/// <summary>
/// After a supervisor decides a request: the case's agents' thread hears the decision, and on a grant the customer
/// hears what was granted, in the name of the agent who asked for it.
/// </summary>
public sealed partial class ApprovalNotices(ICaseStore cases, TeamsAgentRelay relay, ConnectorClientFactory connectors, ILogger<ApprovalNotices> logger)
{
    public async Task TellAsync(ApprovalRequest request, GrantActor supervisor, string decision, LedgerEntry? granted, CancellationToken cancellationToken)
    {
        if (request.CaseReference is not { } reference || await cases.FindHeldAsync(reference, cancellationToken).ConfigureAwait(false) is not { } held)
        {
            return;
        }
        if (granted is not null)
        {
            await relay.TellCustomerGrantedAsync(held.Case, granted, request.RequestedBy.DisplayName, cancellationToken).ConfigureAwait(false);
        }
        if (held.Thread is not { } thread)
        {
            return;
        }
        try
        {
            await connectors.Create(thread.ServiceUrl).SendToConversationAsync(thread.ThreadId, new Activity
            {
                Type = ActivityTypes.Message,
                Text = $"Approval {request.Id} for case {reference}: {decision} by {supervisor.DisplayName}.",
                From = new ChannelAccount { Id = thread.BotId },
                Conversation = new ConversationAccount { Id = thread.ThreadId },
            }, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is ConnectorException or HttpRequestException)
        {
            LogThreadUnreachable(logger, ex, request.Id, reference);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not tell the agents' thread about approval {ApprovalId} of case {Reference}")]
    private static partial void LogThreadUnreachable(ILogger logger, Exception exception, string approvalId, string reference);
}

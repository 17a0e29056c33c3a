using CustomerCare.Builder;
using CustomerCare.Cases;
using CustomerCare.Localization;
using CustomerCare.Operations;

namespace CustomerCare.Conversation;

/// <summary>Opens a case for a person with what the bot knows, and tells the customer honestly what happens next.</summary>
public sealed class HandoffDesk(ICaseStore cases, TimeProvider clock, IAgentNotifier? agents = null)
{
    /// <summary>Opens the case and tells agents; returns its reference and whether agents are there to take it now.</summary>
    public async Task<(string Reference, bool AgentsReached)> RequestAsync(ITurnContext turnContext, CaseReason reason, DisruptionReport? report, CancellationToken cancellationToken,
        string? summary = null)
    {
        var activity = turnContext.Activity;
        var caseFile = new CaseFile(
            CaseReferences.New(),
            reason,
            activity.ChannelId ?? "unknown",
            activity.Conversation?.Id ?? "unknown",
            activity.From?.Id,
            turnContext.Culture().Name,
            clock.GetUtcNow().UtcDateTime,
            report?.Kind,
            report?.BookingReference,
            report?.LastName,
            report?.JourneyFlight ?? report?.FlightNumber,
            Summary: summary,
            CustomerServiceUrl: activity.ServiceUrl,
            CustomerBotId: activity.Recipient?.Id,
            PassengerId: report?.CasePassengerId,
            JourneyDate: IsoDates.Parse(report?.JourneyDate ?? report?.TravelDate))
        {
            BagFileReference = report?.BagFileReference,
        };
        caseFile = await cases.OpenAsync(caseFile, cancellationToken).ConfigureAwait(false);
        var reached = await (agents ?? new NoAgentNotifier()).NotifyAsync(caseFile, cancellationToken).ConfigureAwait(false);
        return (caseFile.Reference, reached);
    }

    public async Task HandToPersonAsync(ITurnContext turnContext, ConversationData conversation, CaseReason reason, DisruptionReport? report, CancellationToken cancellationToken,
        string? summary = null)
    {
        var (reference, reached) = await RequestAsync(turnContext, reason, report, cancellationToken, summary).ConfigureAwait(false);
        conversation.OpenCaseReference = reference;
        var key = reached ? nameof(Strings.HandoffWaiting) : nameof(Strings.NoAgentFree);
        await turnContext.SendActivityAsync(MessageFactory.Text(turnContext.Text(key, reference)), cancellationToken).ConfigureAwait(false);
    }
}

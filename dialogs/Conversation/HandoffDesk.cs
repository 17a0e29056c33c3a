using CustomerCare.Builder;
using CustomerCare.Cases;
using CustomerCare.Localization;

namespace CustomerCare.Conversation;

/// <summary>Opens a case for a person with what the bot knows, and tells the customer honestly what happens next.</summary>
public sealed class HandoffDesk(ICaseStore cases, TimeProvider clock, IAgentNotifier? agents = null)
{
    public async Task<string> RequestAsync(ITurnContext turnContext, CaseReason reason, DisruptionReport? report, CancellationToken cancellationToken)
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
            report?.Segment?.FlightNumber ?? report?.FlightNumber,
            CustomerServiceUrl: activity.ServiceUrl,
            CustomerBotId: activity.Recipient?.Id);
        await cases.OpenAsync(caseFile, cancellationToken).ConfigureAwait(false);
        await (agents ?? new NoAgentNotifier()).NotifyAsync(caseFile, cancellationToken).ConfigureAwait(false);
        return caseFile.Reference;
    }

    public async Task HandToPersonAsync(ITurnContext turnContext, ConversationData conversation, CaseReason reason, DisruptionReport? report, CancellationToken cancellationToken)
    {
        var reference = await RequestAsync(turnContext, reason, report, cancellationToken).ConfigureAwait(false);
        conversation.OpenCaseReference = reference;
        await turnContext.SendActivityAsync(MessageFactory.Text(turnContext.Text(nameof(Strings.HandoffRequested), reference)), cancellationToken).ConfigureAwait(false);
    }
}

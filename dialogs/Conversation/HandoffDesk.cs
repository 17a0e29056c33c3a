using CustomerCare.Builder;
using CustomerCare.Cases;
using CustomerCare.Localization;
using CustomerCare.Operations;

namespace CustomerCare.Conversation;

/// <summary>
/// Opens a case for a person with what the bot knows, and tells the customer honestly what happens next. A conversation
/// holds at most <paramref name="maxOpenPerConversation"/> cases waiting for a person (Cases:MaxOpenPerConversation):
/// past that, what was asked is added as a note to its newest waiting case, so asking again and again opens no more.
/// </summary>
public sealed class HandoffDesk(ICaseStore cases, TimeProvider clock, IAgentNotifier? agents = null, int maxOpenPerConversation = HandoffDesk.DefaultMaxOpenPerConversation)
{
    public const int DefaultMaxOpenPerConversation = 3;

    /// <summary>Opens the case and tells agents; returns its reference, whether agents are there to take it now, and whether a waiting case took the request instead.</summary>
    public async Task<(string Reference, bool AgentsReached, bool Added)> RequestAsync(ITurnContext turnContext, CaseReason reason, DisruptionReport? report, CancellationToken cancellationToken,
        string? summary = null)
    {
        var activity = turnContext.Activity;
        var waiting = (await cases.ForConversationAsync(activity.ChannelId ?? "unknown", activity.Conversation?.Id ?? "unknown", cancellationToken).ConfigureAwait(false))
            .Where(c => c.Status == CaseStatus.Open).ToList();
        if (waiting.Count >= maxOpenPerConversation)
        {
            var newest = waiting.MaxBy(c => c.Case.OpenedUtc)!.Case;
            var asked = $"Asked again ({reason}{(report?.BookingReference is { } booking ? ", booking " + booking : string.Empty)}{(report?.Kind is { } kind ? ", " + kind : string.Empty)})"
                + (summary is null ? string.Empty : ": " + (summary.Length > 2_000 ? summary[..2_000] : summary));
            await cases.AddNoteAsync(newest.Reference, "bot", asked, clock.GetUtcNow().UtcDateTime, cancellationToken).ConfigureAwait(false);
            return (newest.Reference, false, true);
        }
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
        return (caseFile.Reference, reached, false);
    }

    public async Task HandToPersonAsync(ITurnContext turnContext, ConversationData conversation, CaseReason reason, DisruptionReport? report, CancellationToken cancellationToken,
        string? summary = null)
    {
        var (reference, reached, added) = await RequestAsync(turnContext, reason, report, cancellationToken, summary).ConfigureAwait(false);
        conversation.OpenCaseReference = reference;
        var key = added ? nameof(Strings.HandoffAddedToCase) : reached ? nameof(Strings.HandoffWaiting) : nameof(Strings.NoAgentFree);
        await turnContext.SendActivityAsync(MessageFactory.Text(turnContext.Text(key, reference)), cancellationToken).ConfigureAwait(false);
    }
}

using CustomerCare.Builder;
using CustomerCare.Cases;
using CustomerCare.Diagnostics;
using CustomerCare.Localization;
using CustomerCare.Operations;

namespace CustomerCare.Conversation;

/// <summary>
/// Opens a case for a person with what the bot knows, and tells the customer honestly what happens next. A conversation
/// holds at most <paramref name="maxOpenPerConversation"/> cases waiting for a person (Cases:MaxOpenPerConversation), and
/// an identified passenger at most <paramref name="maxOpenPerPassenger"/> across every conversation and channel
/// (Cases:MaxOpenPerPassenger): past either, what was asked is added as a note to the newest such waiting case, so
/// asking again and again, here or from new conversations, opens no more.
/// </summary>
public sealed class HandoffDesk(ICaseStore cases, TimeProvider clock, IAgentNotifier? agents = null, int maxOpenPerConversation = HandoffDesk.DefaultMaxOpenPerConversation,
    CustomerCareMetrics? metrics = null, int maxOpenPerPassenger = HandoffDesk.DefaultMaxOpenPerPassenger)
{
    public const int DefaultMaxOpenPerConversation = 3;
    public const int DefaultMaxOpenPerPassenger = 3;

    /// <summary>Opens the case and tells agents; returns its reference, whether agents are there to take it now, and whether a waiting case took the request instead.</summary>
    public async Task<(string Reference, bool AgentsReached, bool Added)> RequestAsync(ITurnContext turnContext, CaseReason reason, DisruptionReport? report, CancellationToken cancellationToken,
        string? summary = null)
    {
        var activity = turnContext.Activity;
        if (await FullAsync(activity.ChannelId ?? "unknown", activity.Conversation?.Id ?? "unknown", report, cancellationToken).ConfigureAwait(false) is { } newest)
        {
            var asked = AskedAgain(reason, report, summary);
            // The same request again adds nothing new: the case keeps one note of it, not a screenful.
            if (!newest.Notes.Any(n => n.Text == asked))
            {
                await cases.AddNoteAsync(newest.Case.Reference, "bot", asked, clock.GetUtcNow().UtcDateTime, cancellationToken).ConfigureAwait(false);
            }
            metrics?.HandedOff(activity.ChannelId, reason, addedToWaitingCase: true);
            return (newest.Case.Reference, false, true);
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
        metrics?.HandedOff(activity.ChannelId, reason, addedToWaitingCase: false);
        return (caseFile.Reference, reached, false);
    }

    /// <summary>
    /// The newest waiting case a request must join instead of opening one: the conversation's when it has its most
    /// waiting, else the passenger's (from any conversation) when they have theirs; null when a case may be opened.
    /// </summary>
    private async Task<CaseHistory?> FullAsync(string channelId, string conversationId, DisruptionReport? report, CancellationToken cancellationToken)
    {
        var waiting = (await cases.ForConversationAsync(channelId, conversationId, cancellationToken).ConfigureAwait(false)).Where(c => c.Status == CaseStatus.Open).ToList();
        if (waiting.Count >= maxOpenPerConversation)
        {
            return waiting.MaxBy(c => c.Case.OpenedUtc);
        }
        if (report is not { BookingReference: { } booking, CasePassengerId: { } passenger })
        {
            return null;
        }
        var theirs = (await cases.ListOpenAsync(cancellationToken).ConfigureAwait(false))
            .Where(c => string.Equals(c.BookingReference, booking, StringComparison.OrdinalIgnoreCase) && c.PassengerId == passenger).ToList();
        if (theirs.Count < maxOpenPerPassenger)
        {
            return null;
        }
        var newest = theirs.MaxBy(c => c.OpenedUtc)!;
        return (await cases.ForConversationAsync(newest.ChannelId, newest.ConversationId, cancellationToken).ConfigureAwait(false))
            .FirstOrDefault(c => c.Case.Reference == newest.Reference && c.Status == CaseStatus.Open);
    }

    /// <summary>What a new case would have held, as a note: why, and every fact the report identified.</summary>
    private static string AskedAgain(CaseReason reason, DisruptionReport? report, string? summary)
    {
        var facts = new[]
        {
            report?.BookingReference is { } booking ? "booking " + booking : null,
            report?.CasePassengerId is { } passenger ? "passenger " + passenger + (report.LastName is { } last ? " (" + (report.FirstName is { } first ? first + " " : string.Empty) + last + ")" : string.Empty) : report?.LastName,
            report?.Kind,
            report?.JourneyFlight is { } flight ? "journey " + flight + " " + report.JourneyDate : report?.FlightNumber is { } named ? "flight " + named : null,
            report?.BagFileReference is { } bag ? "bag report " + bag : null,
        }.OfType<string>();
        var text = "Asked again: " + Why(reason) + (facts.Any() ? " — " + string.Join(", ", facts) : string.Empty)
            + (summary is null ? string.Empty : ". " + summary);
        return text.Length > 2_000 ? text[..2_000] : text;
    }

    private static string Why(CaseReason reason) => reason switch
    {
        CaseReason.CustomerAskedForPerson => "the customer asked for a person",
        CaseReason.DisruptionReported => "a disruption was reported",
        CaseReason.RepeatedMisunderstanding => "the bot did not understand the customer",
        CaseReason.BookingNotIdentified => "the booking or passenger was not identified",
        CaseReason.FactsDisputed => "the records do not show what the customer reported",
        CaseReason.PolicyNeedsPerson => "a person must decide the claim",
        CaseReason.StrongNegativeSentiment => "the customer is upset",
        _ => reason.ToString(),
    };

    public async Task HandToPersonAsync(ITurnContext turnContext, ConversationData conversation, CaseReason reason, DisruptionReport? report, CancellationToken cancellationToken,
        string? summary = null)
    {
        var (reference, reached, added) = await RequestAsync(turnContext, reason, report, cancellationToken, summary).ConfigureAwait(false);
        conversation.OpenCaseReference = reference;
        var key = added ? nameof(Strings.HandoffAddedToCase) : reached ? nameof(Strings.HandoffWaiting) : nameof(Strings.NoAgentFree);
        await turnContext.SendActivityAsync(MessageFactory.Text(turnContext.Text(key, reference)), cancellationToken).ConfigureAwait(false);
    }
}

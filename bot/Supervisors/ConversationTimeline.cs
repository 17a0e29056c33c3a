using System.Globalization;
using CustomerCare.Bot.Transcripts;
using CustomerCare.Cases;
using CustomerCare.Ledger;
using CustomerCare.Schema;

namespace CustomerCare.Bot.Supervisors;

/// <summary>
/// A conversation in time order: the transcript's turns (customer, bot, agent by name, cards as readable lines) with
/// the hand-off events of its cases and the ledger's grants and refused second grants placed where they happened.
/// </summary>
public sealed class ConversationTimeline(ITranscriptStore transcripts, ICaseStore cases, ILedgerHistory ledger)
{
    public async Task<IReadOnlyList<TimelineItem>> ForAsync(string channelId, string conversationId, CancellationToken cancellationToken)
    {
        var items = new List<TimelineItem>();
        items.AddRange((await transcripts.GetActivitiesAsync(channelId, conversationId, cancellationToken).ConfigureAwait(false)).Select(Turn).OfType<TimelineItem>());
        foreach (var history in await cases.ForConversationAsync(channelId, conversationId, cancellationToken).ConfigureAwait(false))
        {
            items.AddRange(Handoff(history));
        }
        items.AddRange((await ledger.ForConversationAsync(channelId, conversationId, cancellationToken).ConfigureAwait(false)).Select(Grant));
        items.AddRange((await ledger.RefusalsInConversationAsync(channelId, conversationId, cancellationToken).ConfigureAwait(false)).Select(r => new TimelineItem(r.AttemptedUtc, TimelineItem.Refusal,
            r.ActorKind == ActorKind.Bot ? "bot" : r.ActorName ?? r.ActorKind.ToString().ToLowerInvariant(), $"Second grant refused by the ledger for {r.Entitlement}: it was already granted.")));
        // A stable sort: turns logged at the same instant keep their transcript order.
        return items.Select((item, order) => (item, order)).OrderBy(x => x.item.AtUtc).ThenBy(x => x.order).Select(x => x.item).ToList();
    }

    private static TimelineItem? Turn(Activity activity)
    {
        // Milliseconds, as LiteDB keeps the times of cases and grants, so events of one instant compare equal.
        var at = (activity.Timestamp ?? DateTimeOffset.MinValue).UtcDateTime;
        at = at.AddTicks(-(at.Ticks % TimeSpan.TicksPerMillisecond));
        var role = activity.From?.Role;
        if (activity.IsType(ActivityTypes.Message) || activity.IsType(ActivityTypes.MessageUpdate))
        {
            var agent = role == RoleTypes.User ? null : AgentTurn.NameOf(activity);
            var (kind, who) = role == RoleTypes.User ? (TimelineItem.Customer, activity.From?.Name is { Length: > 0 } name ? name : "Customer")
                : agent is not null ? (TimelineItem.Agent, agent)
                : (TimelineItem.Bot, "Bot");
            return new TimelineItem(at, kind, who, activity.IsType(ActivityTypes.MessageUpdate) ? "(updated) " + activity.Text : activity.Text)
            {
                Card = activity.Attachments?.SelectMany(CardText.Of).ToList() ?? [],
                Suggestions = activity.SuggestedActions?.Actions?.Select(a => a.Title ?? a.Value?.ToString() ?? string.Empty).ToList() ?? [],
            };
        }
        if (activity.IsType(ActivityTypes.Event) && role == RoleTypes.User)
        {
            return new TimelineItem(at, TimelineItem.Event, "Customer", activity.Name == "webchat/join" ? "Opened the chat" : "Event " + activity.Name);
        }
        return null;
    }

    private static IEnumerable<TimelineItem> Handoff(CaseHistory history)
    {
        var file = history.Case;
        yield return new TimelineItem(file.OpenedUtc, TimelineItem.Handoff, "Bot", $"Handed off: case {file.Reference} opened ({Words(file.Reason.ToString())}).");
        if (history.TakenUtc is { } taken)
        {
            yield return new TimelineItem(taken, TimelineItem.Handoff, history.AgentName ?? "agent", $"{history.AgentName} took case {file.Reference}.");
        }
        foreach (var handover in history.Handovers)
        {
            yield return new TimelineItem(handover.AtUtc, TimelineItem.Handoff, handover.ToAgentName, $"{handover.ToAgentName} took case {file.Reference} over from {handover.FromAgentName ?? handover.FromAgentId}.");
        }
        foreach (var note in history.Notes)
        {
            yield return new TimelineItem(note.AtUtc, TimelineItem.Handoff, note.Author, "Agent note: " + note.Text);
        }
        if (history.EndedUtc is { } ended)
        {
            var rating = history.Rating is { } value ? $" Customer rating: {value}/5." : string.Empty;
            yield return new TimelineItem(ended, TimelineItem.Handoff, history.AgentName ?? "agent", $"{history.AgentName} ended the hand-off.{rating}");
        }
    }

    private static TimelineItem Grant(LedgerEntry entry)
    {
        var who = entry.GrantedBy.Kind == ActorKind.Bot ? "Bot" : entry.GrantedBy.DisplayName;
        var what = string.Join(", ", entry.Remedies.Select(r => $"{r.Amount.ToString("0.00", CultureInfo.InvariantCulture)} {r.Currency} {r.Code} ({r.Rule})"));
        var why = entry.OverrideReason is { } reason ? $" Override — reason: {reason}." : string.Empty;
        var approved = entry.Approval is { } approval
            ? $" Requested by {approval.RequestedBy.DisplayName} at {approval.RequestedUtc:yyyy-MM-dd HH:mm} UTC, approved by {entry.GrantedBy.DisplayName} at {approval.ApprovedUtc:yyyy-MM-dd HH:mm} UTC ({approval.ApprovalId})."
            : string.Empty;
        var receipts = entry.Receipts.Count == 0 ? string.Empty
            : " Receipts: " + string.Join("; ", entry.Receipts.Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.Expense} {r.Amount:0.00} {r.Currency}, {r.FileName} ({r.ContentUrl})"))) + ".";
        var choice = entry.Choice is { } chosen ? $" The customer chose {(chosen.Voucher ? "the voucher" : "the money")} when shown: \"{chosen.ShownText}\"." : string.Empty;
        var vouchers = string.Concat(entry.Remedies.Where(r => r.AsVoucher).Select(r => string.Create(CultureInfo.InvariantCulture, $" Voucher {r.VoucherCode}: {r.VoucherValue:0.00} {r.Currency}, valid until {r.VoucherValidUntil:yyyy-MM-dd}.")));
        var subject = entry.Subject;
        var journey = subject.Flights.Count > 1 ? $" (journey {string.Join(", ", subject.Flights)})" : string.Empty;
        return new TimelineItem(entry.GrantedUtc, TimelineItem.Grant, who, string.Create(CultureInfo.InvariantCulture,
            $"Ledger {entry.Reference}: granted {what} for {subject.Kind} on {subject.FlightNumber} {subject.ScheduledDate:yyyy-MM-dd}{journey}, booking {subject.BookingReference}, tier {entry.Tier}, policy {entry.PolicyVersion}.{why}{approved}{vouchers}{choice}{receipts}"));
    }

    private static string Words(string pascal) => string.Concat(pascal.Select((c, i) => i > 0 && char.IsUpper(c) ? " " + char.ToLowerInvariant(c) : c.ToString()));
}

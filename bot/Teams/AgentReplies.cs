using System.Globalization;
using CustomerCare.Ledger;

namespace CustomerCare.Bot.Teams;

/// <summary>What agents are told in Teams about a grant attempt, decided on the outcome's type.</summary>
public static class AgentReplies
{
    public static string For(GrantOutcome outcome, string approvalsUrl) => outcome switch
    {
        GrantOutcome.Granted granted => $"Granted {Amounts(granted.Entry.Remedies)} (reference {granted.Entry.Reference}).",
        GrantOutcome.AlreadyGranted already => $"Refused: already granted {Amounts(already.Existing.Remedies)} on {already.Existing.GrantedUtc:yyyy-MM-dd HH:mm} UTC via {already.Existing.GrantedBy.Channel} by {already.Existing.GrantedBy.DisplayName} (reference {already.Existing.Reference}).",
        GrantOutcome.NeedsApproval approval => $"{Amount(approval.Request.Why.Counted, approval.Request.Why.Currency)} is above your authority of {Amount(approval.Request.Why.Limit, approval.Request.Why.Currency)}. "
            + $"Approval {approval.Request.Id} is waiting for a supervisor ({approvalsUrl}); nothing is granted until then.",
        GrantOutcome.Refused refused => "Refused: " + Why(refused.Reason),
        _ => "Nothing was granted.",
    };

    public static string Why(GrantRefusal refusal) => refusal switch
    {
        GrantRefusal.ReasonRequired => "an override needs a reason: override <amount> <currency> <reason>.",
        GrantRefusal.NotPositive => "the amount must be above zero.",
        GrantRefusal.UnknownCurrency => "that currency has no authority limit or exchange rate; nothing can be granted in it.",
        GrantRefusal.NotBookingCurrency => "an override is made in the booking's currency.",
        GrantRefusal.BelowProposal => "an override cannot give less than the policy proposes (the legal entitlements are the floor); grant the proposal, or override above it.",
        GrantRefusal.NotIdentified => "the case does not identify a booking, passenger and journey.",
        GrantRefusal.FactsNotEstablished or GrantRefusal.NoOperationsRecord => "the operations data does not establish the disruption; use override with a reason if you have checked it.",
        GrantRefusal.NothingDue => "the policy gives nothing to grant for this disruption.",
        GrantRefusal.NotTheHolder => "only the agent who holds the case can do that.",
        GrantRefusal.OwnRequest => "nobody approves their own request; another supervisor must decide it.",
        GrantRefusal.AlreadyDecided => "the request was already approved or declined.",
        GrantRefusal.ApprovalNotFound => "there is no such approval request.",
        GrantRefusal.NotASupervisor => "only a supervisor decides approval requests.",
        _ => refusal + ".",
    };

    public static string Amounts(IEnumerable<GrantedRemedy> remedies)
        => string.Join(" + ", remedies.GroupBy(r => r.Currency).Select(g => Amount(g.Sum(r => r.Amount), g.Key)));

    private static string Amount(decimal amount, string currency) => amount.ToString("0.00", CultureInfo.InvariantCulture) + " " + currency;
}

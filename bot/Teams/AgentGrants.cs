using System.Globalization;
using CustomerCare.Cases;
using CustomerCare.Conversation;
using CustomerCare.Ledger;
using CustomerCare.Operations;
using CustomerCare.Remedies;

namespace CustomerCare.Bot.Teams;

/// <summary>
/// An agent's "grant" in a case thread: the same facts, policy and ledger as the bot, within the agent's authority
/// limit; a second grant for the same entitlement, by anyone, is refused with what was already granted.
/// </summary>
public sealed class AgentGrants(DisruptionDesk desk, IConfiguration configuration)
{
    /// <summary>The customer's loyalty tier, from the booking the case names.</summary>
    public async Task<string?> TierOfAsync(CaseFile caseFile, CancellationToken cancellationToken)
    {
        var booking = caseFile.BookingReference is { } reference ? await desk.Operations.FindBookingAsync(reference, cancellationToken).ConfigureAwait(false) : null;
        return booking?.Passengers.FirstOrDefault(p => NameMatch.Same(p.LastName, caseFile.LastName ?? string.Empty))?.Tier.ToString();
    }

    /// <summary>
    /// An agent's own decision instead of the proposal: one amount, with a reason (required), within their authority;
    /// recorded in the ledger with the reason so supervisors see every override.
    /// </summary>
    public async Task<string> OverrideAsync(CaseFile caseFile, decimal amount, string currency, string reason, string agentId, string agentName, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            return "An override needs a reason: override <amount> <currency> <reason>.";
        }
        var (proposal, context, problem) = await ProposeAsync(caseFile, cancellationToken).ConfigureAwait(false);
        if (proposal is null || context is null)
        {
            return problem + " Nothing was granted.";
        }
        var limit = configuration.GetValue("Agents:AuthorityLimitEUR", 1000m);
        if (currency == "EUR" && amount > limit)
        {
            return $"This is above your authority of {limit.ToString("0.00", CultureInfo.InvariantCulture)} EUR; a supervisor must approve it.";
        }
        var request = new GrantRequest(context.Value.Key, [new GrantedRemedy("override", RemedyKind.Goodwill, amount, currency, "Agent override")], proposal.PolicyVersion,
            new GrantActor(GrantActor.Agent, agentId, agentName, caseFile.ChannelId, caseFile.ConversationId), CustomerConfirmed: true, OverrideReason: reason, Tier: context.Value.Tier, SeverityBand: proposal.SeverityBand);
        return Outcome(await desk.Ledger.TryGrantAsync(request, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>What the policy proposes for the case, in one line per option with its rule (for the hand-off card).</summary>
    public async Task<IReadOnlyList<string>> ProposalLinesAsync(CaseFile caseFile, CancellationToken cancellationToken)
    {
        var (proposal, _, problem) = await ProposeAsync(caseFile, cancellationToken).ConfigureAwait(false);
        if (proposal is null)
        {
            return [problem!];
        }
        return proposal.Options.Count == 0
            ? [$"Nothing is due under {proposal.Regulation ?? "any regulation"} (policy {proposal.PolicyVersion})."]
            : proposal.Options.Select(o => $"{o.Amount.ToString("0.00", CultureInfo.InvariantCulture)} {o.Currency} {o.Code} — {o.Rule}{(o.Automatic ? string.Empty : " (needs a person)")}").ToList();
    }

    public async Task<string> GrantProposalAsync(CaseFile caseFile, string agentId, string agentName, CancellationToken cancellationToken)
    {
        var (proposal, context, problem) = await ProposeAsync(caseFile, cancellationToken).ConfigureAwait(false);
        if (proposal is null || context is null)
        {
            return problem + " Nothing was granted.";
        }
        var remedies = proposal.Options.Where(o => o.Kind != RemedyKind.Refund)
            .Select(o => new GrantedRemedy(o.Code, o.Kind, o.Amount, o.Currency, o.Rule)).ToList();
        if (remedies.Count == 0)
        {
            return $"The policy ({proposal.PolicyVersion}) gives nothing to grant for this disruption.";
        }
        var limit = configuration.GetValue("Agents:AuthorityLimitEUR", 1000m);
        if (remedies.Where(r => r.Currency == "EUR").Sum(r => r.Amount) > limit)
        {
            return $"This is above your authority of {limit.ToString("0.00", CultureInfo.InvariantCulture)} EUR; a supervisor must approve it.";
        }
        var request = new GrantRequest(context.Value.Key, remedies, proposal.PolicyVersion,
            new GrantActor(GrantActor.Agent, agentId, agentName, caseFile.ChannelId, caseFile.ConversationId), CustomerConfirmed: true, Tier: context.Value.Tier, SeverityBand: proposal.SeverityBand);
        return Outcome(await desk.Ledger.TryGrantAsync(request, cancellationToken).ConfigureAwait(false));
    }

    private static string Outcome(GrantOutcome outcome) => outcome switch
        {
            GrantOutcome.Granted granted => $"Granted {Describe(granted.Entry)} (reference {granted.Entry.Reference}).",
            GrantOutcome.AlreadyGranted already => $"Refused: already granted {Describe(already.Existing)} on {already.Existing.GrantedUtc:yyyy-MM-dd HH:mm} UTC via {already.Existing.GrantedBy.Channel} by {already.Existing.GrantedBy.Name ?? already.Existing.GrantedBy.Id} (reference {already.Existing.Reference}).",
            GrantOutcome.Refused refused => $"Refused: {refused.Reason}.",
            _ => "Nothing was granted.",
        };

    private async Task<(RemedyProposal? Proposal, (EntitlementKey Key, LoyaltyTier Tier)? Context, string? Problem)> ProposeAsync(CaseFile caseFile, CancellationToken cancellationToken)
    {
        var booking = caseFile.BookingReference is { } reference ? await desk.Operations.FindBookingAsync(reference, cancellationToken).ConfigureAwait(false) : null;
        var passenger = booking?.Passengers.FirstOrDefault(p => NameMatch.Same(p.LastName, caseFile.LastName ?? string.Empty));
        var segment = booking?.Segments.FirstOrDefault(s => s.FlightNumber == caseFile.FlightNumber) ?? (booking?.Segments.Count == 1 ? booking.Segments[0] : null);
        if (booking is null || passenger is null || segment is null)
        {
            return (null, null, "The case does not identify a booking, passenger and flight.");
        }
        var day = DateOnly.FromDateTime(segment.ScheduledDepartureUtc);
        var operation = await desk.Operations.FindFlightAsync(segment.FlightNumber, day, cancellationToken).ConfigureAwait(false);
        var reported = DisruptionKinds.ToDomain(caseFile.DisruptionKind);
        if (operation is null || FactsBuilder.Build(reported, segment, operation, desk.Airports) is not { } facts)
        {
            return (null, null, $"There is no operations record for {segment.FlightNumber} on {day:yyyy-MM-dd}.");
        }
        var key = new EntitlementKey(passenger.PassengerId, booking.RecordLocator, segment.FlightNumber, day, facts.Kind);
        return (desk.Policy.Evaluate(facts, passenger.Tier), (key, passenger.Tier), null);
    }

    private static string Describe(LedgerEntry entry)
        => string.Join(" + ", entry.Remedies.GroupBy(r => r.Currency).Select(g => g.Sum(r => r.Amount).ToString("0.00", CultureInfo.InvariantCulture) + " " + g.Key));
}

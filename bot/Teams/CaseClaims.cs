using CustomerCare.Cases;
using CustomerCare.Conversation;
using CustomerCare.Grants;
using CustomerCare.Ledger;
using CustomerCare.Payouts;
using CustomerCare.Remedies;
using static System.FormattableString;

namespace CustomerCare.Bot.Teams;

/// <summary>The claim behind a case, identified through the one grant path; and what it proposes, in lines for the hand-off card.</summary>
public sealed class CaseClaims(CompensationGrants grants, IPayoutStore? payouts = null)
{
    public async Task<DisruptionClaim?> OfAsync(CaseFile caseFile, CancellationToken cancellationToken)
        => await grants.IdentifyAsync(caseFile.BookingReference, caseFile.PassengerId, caseFile.LastName, caseFile.FlightNumber, caseFile.JourneyDate,
            DisruptionKinds.ToDomain(caseFile.DisruptionKind), cancellationToken).ConfigureAwait(false) is { } claim
            ? claim with { BagFileReference = caseFile.BagFileReference }
            : null;

    /// <summary>For the card: the customer's tier, what the policy proposes, and everything already granted on the booking or to the passenger for this journey under any booking.</summary>
    public async Task<CaseDescription> DescribeAsync(CaseFile caseFile, CancellationToken cancellationToken)
    {
        var onBooking = caseFile.BookingReference is { } booking ? await grants.Ledger.ForBookingAsync(booking, cancellationToken).ConfigureAwait(false) : [];
        if (await OfAsync(caseFile, cancellationToken).ConfigureAwait(false) is not { } claim)
        {
            return new CaseDescription(null, ["The case does not identify a booking, passenger and journey."], onBooking) { Payouts = await PayoutsOfAsync(onBooking, cancellationToken).ConfigureAwait(false) };
        }
        // Everything the passenger holds for the journey, of any kind: the agent sees what was granted anywhere, not only what this claim could bring.
        var held = await grants.Ledger.HoldersAsync(claim.Who, Enum.GetValues<RemedyKind>(), DisruptionFamilies.Of(claim.Reported), cancellationToken).ConfigureAwait(false);
        var granted = onBooking.Concat(held.Values).DistinctBy(e => e.Reference).OrderByDescending(e => e.GrantedUtc).ToList();
        var proposal = await grants.AssessAsync(claim, cancellationToken).ConfigureAwait(false) switch
        {
            Assessment.NoRecord missing => [Invariant($"There is no operations record for {missing.Segment.FlightNumber} on {missing.Segment.ScheduledDate:yyyy-MM-dd}.")],
            Assessment.NotShown shown => [Invariant($"The operations data does not show a {claim.Reported} (closest: {shown.Closest.FlightNumber}, arrival {shown.Closest.ArrivalDelay.TotalMinutes:0} min late, cancelled: {(shown.Closest.Cancelled ? "yes" : "no")}).")],
            Assessment.ArrivalUnknown unknown => [$"{unknown.Disrupted.FlightNumber} was disrupted, but the arrival at {claim.Journey.Destination} is not in the data; check it with the customer."],
            Assessment.NotRecorded => [claim.Reported == DisruptionKind.Baggage
                ? $"The booking holds no bag report under {caseFile.BagFileReference ?? "a file reference"} for this passenger and journey; check it with the customer."
                : "The cabin records show no downgrade for this passenger on the journey; check it with the customer."],
            Assessment.Assessed assessed => Lines(assessed),
            _ => (IReadOnlyList<string>)[],
        };
        return new CaseDescription(claim.Passenger.Tier.ToString(), proposal, granted) { Payouts = await PayoutsOfAsync(granted, cancellationToken).ConfigureAwait(false) };
    }

    /// <summary>Where each grant's money is, for the grants that have a payout.</summary>
    private async Task<IReadOnlyDictionary<string, PayoutState>> PayoutsOfAsync(IReadOnlyList<LedgerEntry> granted, CancellationToken cancellationToken)
    {
        var found = new Dictionary<string, PayoutState>(StringComparer.Ordinal);
        foreach (var entry in payouts is null ? [] : granted)
        {
            if (await payouts!.FindAsync(entry.Reference, cancellationToken).ConfigureAwait(false) is { } payout)
            {
                found[entry.Reference] = payout;
            }
        }
        return found;
    }

    private static IReadOnlyList<string> Lines(Assessment.Assessed assessed)
    {
        var proposal = assessed.Proposal;
        var lines = proposal.Options.Select(o => Invariant($"{o.Amount:0.00} {o.Currency} {o.Code} — {o.Rule}{(o.Automatic ? string.Empty : " (needs a person)")}{(assessed.Held.ContainsKey(o.Kind) ? " (already granted)" : string.Empty)}")).ToList();
        return lines.Count == 0 ? [$"Nothing is due under {proposal.Regulation ?? "any regulation"} (policy {proposal.PolicyVersion})."] : lines;
    }
}

/// <summary>What the hand-off card says about a case's claim.</summary>
public sealed record CaseDescription(string? Tier, IReadOnlyList<string> Proposal, IReadOnlyList<LedgerEntry> Granted)
{
    /// <summary>The payout of each grant that has one, by grant reference.</summary>
    public IReadOnlyDictionary<string, PayoutState> Payouts { get; init; } = new Dictionary<string, PayoutState>();
}

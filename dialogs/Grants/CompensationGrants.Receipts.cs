using CustomerCare.Ledger;
using CustomerCare.Remedies;

namespace CustomerCare.Grants;

/// <summary>Care against receipts, through the one grant path: the caps from the policy, what fits granted, the rest for a person.</summary>
public sealed partial class CompensationGrants
{
    public async Task<ReceiptsAssessment> AssessReceiptsAsync(DisruptionClaim claim, CancellationToken cancellationToken)
    {
        if (await AssessAsync(claim, cancellationToken).ConfigureAwait(false) is not Assessment.Assessed assessed)
        {
            return new ReceiptsAssessment.FactsNotEstablished();
        }
        if (assessed.Held.TryGetValue(RemedyKind.Care, out var held))
        {
            return new ReceiptsAssessment.AlreadyGranted(held);
        }
        return Policy.ReceiptCapsFor(assessed.Facts) is { } caps
            ? new ReceiptsAssessment.Open(assessed, caps)
            : new ReceiptsAssessment.NoneDue(assessed.Proposal.Options.Any(o => o.Kind == RemedyKind.Care && o.Amount > 0));
    }

    /// <summary>
    /// Pays back what of <paramref name="receipts"/> fits the policy's caps, per expense, as one care grant that keeps the
    /// receipts; the bot only within the automatic approval limit and, with what the disruption already brought, an
    /// agent's authority. Care is then used up for the journey, and each receipt's file is claimed by the grant, so a
    /// receipt sent again, from any channel or for another passenger, is not paid twice.
    /// </summary>
    public async Task<ReceiptsDecision> GrantReceiptsAsync(DisruptionClaim claim, GrantActor actor, IReadOnlyList<CareReceipt> receipts, CancellationToken cancellationToken)
    {
        var total = receipts.Sum(r => r.Amount);
        switch (await AssessReceiptsAsync(claim, cancellationToken).ConfigureAwait(false))
        {
            case ReceiptsAssessment.Open open:
                var (within, above) = Split(open.Caps, receipts);
                var aboveAmount = total - within.Sum(r => r.Amount);
                if (within.Count == 0)
                {
                    return new ReceiptsDecision(null, within, above, aboveAmount);
                }
                // The bot alone: within the automatic limit, and with what the disruption already brought, within an agent's authority.
                if (actor.Kind == ActorKind.Bot && (!Policy.WithinAutomaticLimit(open.Assessed.Facts, within.Sum(r => r.Amount), open.Caps.Currency)
                    || AgentAuthority.Check([.. within, .. open.Assessed.AlreadyBrought], claim.Currency) is not AuthorityVerdict.Within))
                {
                    return new ReceiptsDecision(new GrantOutcome.Refused(GrantRefusal.NeedsPerson), [], receipts, total);
                }
                var request = new GrantRequest(claim.Who, open.Assessed.Subject, within, open.Assessed.Proposal.PolicyVersion, actor, CustomerConfirmed: true,
                    Tier: claim.Passenger.Tier, SeverityBand: open.Assessed.Proposal.SeverityBand)
                {
                    Receipts = receipts,
                };
                return new ReceiptsDecision(await Ledger.TryGrantAsync(request, cancellationToken).ConfigureAwait(false), within, above, aboveAmount);
            case ReceiptsAssessment.AlreadyGranted already:
                return new ReceiptsDecision(new GrantOutcome.AlreadyGranted(already.Entry), [], receipts, total);
            case ReceiptsAssessment.FactsNotEstablished:
                return new ReceiptsDecision(new GrantOutcome.Refused(GrantRefusal.FactsNotEstablished), [], receipts, total);
            default:
                return new ReceiptsDecision(new GrantOutcome.Refused(GrantRefusal.NothingDue), [], receipts, total);
        }
    }

    /// <summary>Per expense, the receipts' sum up to its cap; receipts in another currency, and what is above a cap, are for a person.</summary>
    private static (IReadOnlyList<GrantedRemedy> Within, IReadOnlyList<CareReceipt> Above) Split(CareReceiptCaps caps, IReadOnlyList<CareReceipt> receipts)
    {
        var within = new List<GrantedRemedy>();
        var above = receipts.Where(r => r.Currency != caps.Currency).ToList();
        foreach (var expense in Enum.GetValues<CareExpense>())
        {
            var these = receipts.Where(r => r.Expense == expense && r.Currency == caps.Currency).ToList();
            var sum = these.Sum(r => r.Amount);
            var paid = Math.Min(sum, caps.For(expense));
            if (paid > 0)
            {
                within.Add(new GrantedRemedy("care.receipts." + expense.ToString().ToLowerInvariant(), RemedyKind.Care, paid, caps.Currency, caps.Rule));
            }
            if (sum > paid)
            {
                above.AddRange(these);
            }
        }
        return (within, above);
    }
}

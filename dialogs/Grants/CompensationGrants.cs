using CustomerCare.Airports;
using CustomerCare.Diagnostics;
using CustomerCare.Ledger;
using CustomerCare.Operations;
using CustomerCare.Remedies;

namespace CustomerCare.Grants;

/// <summary>
/// The one grant path. Whoever asks — the bot after the customer confirms, an agent's grant, override or card
/// approval, a supervisor's approval — the facts, entitlements, proposal and authority are derived here, once, and
/// nothing reaches the ledger any other way.
/// </summary>
public sealed partial class CompensationGrants(
    IOperationsData operations,
    ICompensationLedger ledger,
    IApprovalStore approvals,
    RemedyPolicyEngine policy,
    AirportDirectory airports,
    AuthorityLimits agentAuthority,
    TimeProvider clock,
    CustomerCareMetrics? metrics = null)
{
    /// <summary>What an override stands in for: every entitlement of the disruption but a refund (a person processes those).</summary>
    private static readonly RemedyKind[] FlightEntitlements = [RemedyKind.Compensation, RemedyKind.Care, RemedyKind.Goodwill];
    private static readonly RemedyKind[] BagEntitlements = [RemedyKind.InterimExpenses, RemedyKind.BagFeeRefund, RemedyKind.Goodwill];

    public IOperationsData Operations => operations;

    public ICompensationLedger Ledger => ledger;

    /// <summary>What an agent may grant without a supervisor: the bot's own grants for one disruption never add up to more.</summary>
    public AuthorityLimits AgentAuthority => agentAuthority;

    /// <summary>The policy engine every grant is derived from.</summary>
    public RemedyPolicyEngine Policy => policy;

    /// <summary>
    /// The passenger and journey a claim is about: the passenger by id (or by a last name only one passenger has), the
    /// journey holding the named flight, or the booking's only journey. Null when any of it is not identified.
    /// </summary>
    public async Task<DisruptionClaim?> IdentifyAsync(string? bookingReference, string? passengerId, string? lastName, string? flightNumber, DateOnly? date, DisruptionKind reported, CancellationToken cancellationToken)
    {
        if (bookingReference is null || await operations.FindBookingAsync(bookingReference, cancellationToken).ConfigureAwait(false) is not { } booking)
        {
            return null;
        }
        var byName = Travellers.Matching(booking, lastName, firstName: null);
        var passenger = passengerId is not null ? booking.Passengers.FirstOrDefault(p => p.PassengerId == passengerId) : byName.Count == 1 ? byName[0] : null;
        if (passenger is null || Journey.Find(booking, flightNumber, date) is not { } journey)
        {
            return null;
        }
        return new DisruptionClaim(booking, new PassengerJourney(booking.RecordLocator, passenger, journey), reported);
    }

    /// <summary>The operations data's facts for the journey, the policy's proposal, and what the journey already holds.</summary>
    public async Task<Assessment> AssessAsync(DisruptionClaim claim, CancellationToken cancellationToken)
    {
        var finding = await FindFactsAsync(claim, cancellationToken).ConfigureAwait(false);
        switch (finding)
        {
            case FactsFinding.NotRecorded notRecorded:
                return new Assessment.NotRecorded(notRecorded.Journey);
            case FactsFinding.Missing missing:
                return new Assessment.NoRecord(missing.Segment);
            case FactsFinding.NotShown notShown:
                return new Assessment.NotShown(notShown.Closest);
            case FactsFinding.ArrivalUnknown unknown:
                return new Assessment.ArrivalUnknown(unknown.Disrupted);
            case FactsFinding.Established found:
                // The journey's facts are the same for everyone on it; whether the regulation covers this passenger is theirs.
                var established = found with { Facts = found.Facts with { FareOutsideRegulation = claim.Passenger.FareType != FareType.Public } };
                var proposal = policy.Evaluate(established.Facts, claim.Passenger.Tier);
                // Held: the entitlements of this proposal the passenger's journey already has (a bag's claim is not answered with the flight's grant).
                var kinds = proposal.Options.Select(o => o.Kind).Distinct().ToList();
                var held = await ledger.HoldersAsync(claim.Who, kinds, DisruptionFamilies.Of(established.Facts.Kind), cancellationToken).ConfigureAwait(false);
                var assessed = new Assessment.Assessed(claim, established.Facts, established.Disrupted, proposal, held) { FlownOn = established.FlownOn };
                // What this disruption already brought counts too: granted in parts, it is still one disruption.
                return assessed with { ExceedsAgentAuthority = assessed.Remedies.Count > 0 && agentAuthority.Check([.. assessed.Remedies, .. assessed.AlreadyBrought], claim.Currency) is not AuthorityVerdict.Within };
            default:
                throw new InvalidOperationException("Unknown finding.");
        }
    }

    /// <summary>
    /// Grants what the policy proposes and the journey does not yet hold. The bot grants only what the policy lets it
    /// grant automatically, and only what the customer was shown and confirmed; an agent within their authority, or
    /// above it with a supervisor's approval.
    /// </summary>
    private async Task<GrantOutcome> DecideProposalAsync(DisruptionClaim claim, GrantActor actor, IReadOnlyList<GrantedRemedy>? confirmed, string? caseReference, CancellationToken cancellationToken,
        RemedyChoice? choice = null)
    {
        if (await AssessAsync(claim, cancellationToken).ConfigureAwait(false) is not Assessment.Assessed assessed)
        {
            return new GrantOutcome.Refused(GrantRefusal.FactsNotEstablished);
        }
        var remedies = assessed.Remedies;
        if (remedies.Count == 0 && assessed.AlreadyGranted is not null)
        {
            // Everything is granted already: the ledger refuses the attempt, says by whom, and counts it for the fairness report.
            var again = assessed.Proposal.Options.Where(o => o.Kind != RemedyKind.Refund && o.Amount > 0).Select(o => new GrantedRemedy(o.Code, o.Kind, o.Amount, o.Currency, o.Rule)).ToList();
            return again.Count == 0
                ? new GrantOutcome.AlreadyGranted(assessed.AlreadyGranted)
                : await ledger.TryGrantAsync(new GrantRequest(claim.Who, assessed.Subject, again, assessed.Proposal.PolicyVersion, actor, CustomerConfirmed: true), cancellationToken).ConfigureAwait(false);
        }
        if (remedies.Count == 0)
        {
            return new GrantOutcome.Refused(GrantRefusal.NothingDue);
        }
        if (confirmed is not null && !confirmed.SequenceEqual(remedies))
        {
            return new GrantOutcome.Refused(GrantRefusal.ProposalChanged);
        }
        if (choice is { Voucher: true })
        {
            // The vouchers come from the policy, here, never from what a caller says they are worth.
            if (VoucherOfferFor(assessed) is not { } offer)
            {
                return new GrantOutcome.Refused(GrantRefusal.ProposalChanged);
            }
            remedies = offer.WithVouchers.Select(r => r.AsVoucher ? r with { VoucherCode = VoucherCodes.New() } : r).ToList();
        }
        var request = new GrantRequest(claim.Who, assessed.Subject, remedies, assessed.Proposal.PolicyVersion, actor, CustomerConfirmed: true,
            CustomerAgreedToVoucher: choice is { Voucher: true }, Tier: claim.Passenger.Tier, SeverityBand: assessed.Proposal.SeverityBand)
        {
            Choice = choice,
        };
        return actor.Kind switch
        {
            ActorKind.Bot when assessed.NeedsPerson => new GrantOutcome.Refused(GrantRefusal.NeedsPerson),
            ActorKind.Bot => await ledger.TryGrantAsync(request, cancellationToken).ConfigureAwait(false),
            ActorKind.Agent => await WithinAgentAuthorityAsync(request, claim, assessed.AlreadyBrought, caseReference, cancellationToken).ConfigureAwait(false),
            _ => new GrantOutcome.Refused(GrantRefusal.NotASupervisor),
        };
    }

    /// <summary>
    /// The choice between money and vouchers the policy gives for what would be granted, valid from today; null when
    /// its version offers no voucher for any of it.
    /// </summary>
    public VoucherOffer? VoucherOfferFor(Assessment.Assessed assessed)
    {
        if (assessed.Proposal.Vouchers is not { } rules || !assessed.Remedies.Any(r => rules.Kinds.Contains(r.Kind)))
        {
            return null;
        }
        var validUntil = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).AddMonths(rules.ValidityMonths);
        var withVouchers = assessed.Remedies
            .Select(r => rules.Kinds.Contains(r.Kind) ? r with { AsVoucher = true, VoucherValue = rules.ValueOf(r.Amount), VoucherValidUntil = validUntil } : r)
            .ToList();
        return new VoucherOffer(assessed.Remedies, withVouchers, validUntil);
    }

    /// <summary>
    /// An agent's own decision instead of the proposal: one positive amount in the booking's currency, with a reason,
    /// within their authority (above it, a supervisor decides), and never less than what the policy proposes where the
    /// facts are established (the legal entitlements are the floor). It uses up every entitlement of the disruption
    /// but a refund, so nothing is granted for the journey after it.
    /// </summary>
    private async Task<GrantOutcome> DecideOverrideAsync(DisruptionClaim claim, decimal amount, string currency, string? reason, GrantActor agent, string? caseReference, CancellationToken cancellationToken)
    {
        if (agent.Kind != ActorKind.Agent)
        {
            return new GrantOutcome.Refused(GrantRefusal.NotASupervisor);
        }
        if (string.IsNullOrWhiteSpace(reason))
        {
            return new GrantOutcome.Refused(GrantRefusal.ReasonRequired);
        }
        if (amount <= 0)
        {
            return new GrantOutcome.Refused(GrantRefusal.NotPositive);
        }
        if (!agentAuthority.Knows(currency))
        {
            return new GrantOutcome.Refused(GrantRefusal.UnknownCurrency);
        }
        if (!string.Equals(currency, claim.Currency, StringComparison.Ordinal))
        {
            return new GrantOutcome.Refused(GrantRefusal.NotBookingCurrency);
        }
        var assessed = await AssessAsync(claim, cancellationToken).ConfigureAwait(false) as Assessment.Assessed;
        if (assessed is { Remedies.Count: > 0 })
        {
            // The legal entitlements are the floor; a proposal that cannot be counted in the override's currency is not passed over.
            switch (agentAuthority.Total(assessed.Remedies, currency))
            {
                case null:
                    return new GrantOutcome.Refused(GrantRefusal.UnknownCurrency);
                case { } proposed when amount < proposed:
                    return new GrantOutcome.Refused(GrantRefusal.BelowProposal);
            }
        }
        // A lost or damaged bag's claim and a downgrade's refund are entitlements of their own: an override for one never takes the place of what the journey already has.
        var standsInFor = claim.Reported switch
        {
            DisruptionKind.Downgrade => [RemedyKind.DowngradeRefund],
            DisruptionKind.Baggage when assessed?.Open.Any(o => o.Kind == RemedyKind.BaggageLiability) == true => [RemedyKind.BaggageLiability],
            DisruptionKind.Baggage => BagEntitlements,
            _ => FlightEntitlements,
        };
        var subject = assessed?.Subject ?? claim.Subject(claim.Journey.First.FlightNumber, claim.Journey.Date, claim.Reported);
        var request = new GrantRequest(claim.Who, subject, [new GrantedRemedy("override", RemedyKind.Goodwill, decimal.Round(amount, 2), currency, "Agent override")],
            assessed?.Proposal.PolicyVersion ?? policy.VersionOn(claim.Journey.Date), agent, CustomerConfirmed: true, OverrideReason: reason.Trim(),
            Tier: claim.Passenger.Tier, SeverityBand: assessed?.Proposal.SeverityBand ?? "unverified")
        {
            StandsInFor = standsInFor,
        };
        // An override stands in for the whole disruption: where anything of it is held, the ledger refuses it.
        return await WithinAgentAuthorityAsync(request, claim, alreadyBrought: [], caseReference, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// A supervisor approves a request: granted as asked, with requester and approver, and decided in the same
    /// transaction — so of any number of concurrent approvals exactly one grants, and the others learn it was decided.
    /// </summary>
    private async Task<GrantOutcome> DecideApprovalAsync(string approvalId, GrantActor supervisor, CancellationToken cancellationToken)
    {
        if (supervisor.Kind != ActorKind.Supervisor)
        {
            return new GrantOutcome.Refused(GrantRefusal.NotASupervisor);
        }
        if (await approvals.FindAsync(approvalId, cancellationToken).ConfigureAwait(false) is not { } pending)
        {
            return new GrantOutcome.Refused(GrantRefusal.ApprovalNotFound);
        }
        if (pending.IsRequestedBy(supervisor))
        {
            return new GrantOutcome.Refused(GrantRefusal.OwnRequest);
        }
        if (pending.Status != ApprovalStatus.Pending)
        {
            return new GrantOutcome.Refused(GrantRefusal.AlreadyDecided);
        }
        return await ledger.TryGrantAsync(pending.ToGrant(supervisor, clock.GetUtcNow().UtcDateTime), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A supervisor declines a request; nothing is granted. Returns the request as decided, or why it could not be.</summary>
    public async Task<(ApprovalRequest? Request, GrantRefusal? Refusal)> DeclineAsync(string approvalId, GrantActor supervisor, string? note, CancellationToken cancellationToken)
    {
        if (supervisor.Kind != ActorKind.Supervisor)
        {
            return (null, GrantRefusal.NotASupervisor);
        }
        return await approvals.TryDeclineAsync(approvalId, supervisor, clock.GetUtcNow().UtcDateTime, string.IsNullOrWhiteSpace(note) ? null : note.Trim(), cancellationToken).ConfigureAwait(false) switch
        {
            ApprovalTransition.Decided decided => (decided.Request, null),
            ApprovalTransition.AlreadyDecided already => (already.Request, GrantRefusal.AlreadyDecided),
            _ => (null, GrantRefusal.ApprovalNotFound),
        };
    }

    /// <param name="alreadyBrought">What the disruption already brought: counted with the request, as for the bot, so parts granted over time never add up to more than the agent may grant.</param>
    private async Task<GrantOutcome> WithinAgentAuthorityAsync(GrantRequest request, DisruptionClaim claim, IReadOnlyList<GrantedRemedy> alreadyBrought, string? caseReference, CancellationToken cancellationToken)
    {
        if (request.Violation() is { } violation)
        {
            return new GrantOutcome.Refused(violation);
        }
        switch (agentAuthority.Check([.. request.Remedies, .. alreadyBrought], claim.Currency))
        {
            case AuthorityVerdict.UnknownCurrency:
                return new GrantOutcome.Refused(GrantRefusal.UnknownCurrency);
            case AuthorityVerdict.Above above:
                var holders = await ledger.HoldersAsync(request.Who, request.UsesUp, request.Family, cancellationToken).ConfigureAwait(false);
                if (holders.Values.FirstOrDefault() is { } existing)
                {
                    return new GrantOutcome.AlreadyGranted(existing);
                }
                var approval = new ApprovalRequest(ApprovalReferences.New(), caseReference, request.Who, request.Subject, request.Remedies, request.StandsInFor,
                    request.PolicyVersion, request.OverrideReason, request.Tier, request.SeverityBand, request.Actor, clock.GetUtcNow().UtcDateTime, above);
                var claims = request.Claims;
                return new GrantOutcome.NeedsApproval(await approvals.RequestAsync(approval, claims, cancellationToken).ConfigureAwait(false));
            default:
                return await ledger.TryGrantAsync(request, cancellationToken).ConfigureAwait(false);
        }
    }
}

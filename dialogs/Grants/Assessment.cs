using CustomerCare.Ledger;
using CustomerCare.Operations;
using CustomerCare.Remedies;

namespace CustomerCare.Grants;

/// <summary>What the grant path found for a claim: the facts and the policy's proposal, or why the facts are not established.</summary>
public abstract record Assessment
{
    private Assessment()
    {
    }

    /// <summary>
    /// The facts are established; the proposal, less whatever the passenger's journey already holds.
    /// <paramref name="ExceedsAgentAuthority"/>: what is open, with what the disruption already brought, adds up to more
    /// than an agent may grant (or is in a currency nobody may grant in), so the bot never grants it on its own, however
    /// small each part and however the parts are spread over time.
    /// </summary>
    public sealed record Assessed(
        DisruptionClaim Claim,
        DisruptionFacts Facts,
        FlightOperation Disrupted,
        RemedyProposal Proposal,
        IReadOnlyDictionary<RemedyKind, LedgerEntry> Held,
        bool ExceedsAgentAuthority = false) : Assessment
    {
        /// <summary>The options still open: not a refund (a person processes those), not already granted to this passenger for this journey.</summary>
        public IReadOnlyList<RemedyOption> Open => Proposal.Options.Where(o => o.Kind != RemedyKind.Refund && !Held.ContainsKey(o.Kind)).ToList();

        public RemedyOption? Refund => Proposal.Options.FirstOrDefault(o => o.Kind == RemedyKind.Refund);

        /// <summary>A person must decide part of what is open (over the automatic limit, a lost bag, …), or all of it together.</summary>
        public bool NeedsPerson => ExceedsAgentAuthority || Open.Any(o => !o.Automatic);

        /// <summary>What would be granted: the open options with an amount.</summary>
        public IReadOnlyList<GrantedRemedy> Remedies => Open.Where(o => o.Amount > 0).Select(o => new GrantedRemedy(o.Code, o.Kind, o.Amount, o.Currency, o.Rule)).ToList();

        /// <summary>What the grants already made for this disruption brought, each grant counted once.</summary>
        public IReadOnlyList<GrantedRemedy> AlreadyBrought => Held.Values.DistinctBy(e => e.Reference).SelectMany(e => e.Remedies).ToList();

        /// <summary>The grant already made for this journey, if any (the first one found).</summary>
        public LedgerEntry? AlreadyGranted => Held.Values.OrderBy(e => e.GrantedUtc).FirstOrDefault();

        public GrantSubject Subject => Claim.Subject(Disrupted.FlightNumber, Disrupted.ScheduledDate, Facts.Kind);

        /// <summary>The replacement flights the passenger reached the final destination on, after a rebooking.</summary>
        public IReadOnlyList<string> FlownOn { get; init; } = [];
    }

    /// <summary>The booking holds no record of what was reported: no cabin change on the journey, or no bag report under that file reference.</summary>
    public sealed record NotRecorded(Journey Journey) : Assessment;

    public sealed record NoRecord(Segment Segment) : Assessment;

    public sealed record NotShown(FlightOperation Closest) : Assessment;

    public sealed record ArrivalUnknown(FlightOperation Disrupted) : Assessment;
}

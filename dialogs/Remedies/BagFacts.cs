namespace CustomerCare.Remedies;

/// <summary>
/// What a property irregularity report shows, for the policy: where the bag stands, how long the passenger was
/// without it (until it was received, or until the claim while it is still missing), when it was reported and
/// received, and when the claim is made — the dates the Montreal Convention's notice periods run from (Art. 31).
/// </summary>
public sealed record BagFacts(BagStatus Status, double HoursWithout, DateTime ReportedUtc, DateTime? ReceivedUtc, DateTime ClaimedUtc)
{
    /// <summary>The checked-bag fee paid, where the data has one (14 CFR 260.7).</summary>
    public decimal? FeePaid { get; init; }
}

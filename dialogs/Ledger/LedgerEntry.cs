using System.Text.Json.Serialization;
using CustomerCare.Remedies;

namespace CustomerCare.Ledger;

/// <summary>A durable grant: what, for whom, under which policy version and rule, by whom, when, and the reference the customer is told.</summary>
public sealed record LedgerEntry(
    string Reference,
    [property: JsonPropertyName("key")] GrantSubject Subject,
    IReadOnlyList<GrantedRemedy> Remedies,
    string PolicyVersion,
    GrantActor GrantedBy,
    DateTime GrantedUtc,
    string? OverrideReason = null,
    LoyaltyTier Tier = LoyaltyTier.Basic,
    string? SeverityBand = null)
{
    /// <summary>The entitlements this grant used up; empty for grants recorded before they were kept (they hold every entitlement of their kind).</summary>
    public IReadOnlyList<RemedyKind> UsesUp { get; init; } = [];

    /// <summary>Set when a supervisor approved the grant above its requester's authority.</summary>
    public GrantApproval? Approval { get; init; }

    /// <summary>What the customer chose between money and a voucher, and the exact text they were shown.</summary>
    public RemedyChoice? Choice { get; init; }

    /// <summary>The receipts a care grant pays back, kept with it for agents and supervisors.</summary>
    public IReadOnlyList<CareReceipt> Receipts { get; init; } = [];

    public decimal Total(string currency) => Remedies.Where(r => r.Currency == currency).Sum(r => r.Amount);
}

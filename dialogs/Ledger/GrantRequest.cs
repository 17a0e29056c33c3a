using CustomerCare.Remedies;

namespace CustomerCare.Ledger;

/// <summary>A request to record chosen remedies for a passenger's journey, with the customer's confirmation and consent.</summary>
public sealed record GrantRequest(
    PassengerJourney Who,
    GrantSubject Subject,
    IReadOnlyList<GrantedRemedy> Remedies,
    string PolicyVersion,
    GrantActor Actor,
    bool CustomerConfirmed,
    bool CustomerAgreedToVoucher = false,
    string? OverrideReason = null,
    LoyaltyTier Tier = LoyaltyTier.Basic,
    string? SeverityBand = null)
{
    /// <summary>What an override stands in for; a plain grant uses up the kinds of its remedies.</summary>
    public IReadOnlyList<RemedyKind> StandsInFor { get; init; } = [];

    public GrantApproval? Approval { get; init; }

    /// <summary>What the customer chose between money and a voucher, with the text they were shown; null where no voucher was offered.</summary>
    public RemedyChoice? Choice { get; init; }

    /// <summary>The receipts a care grant pays back, kept with it for agents and supervisors.</summary>
    public IReadOnlyList<CareReceipt> Receipts { get; init; } = [];

    /// <summary>Which disruption of the journey the grant is for.</summary>
    public DisruptionFamily Family => DisruptionFamilies.Of(Subject.Kind);

    /// <summary>
    /// What the grant claims, once and for all: its entitlements for the passenger and journey, and each receipt's
    /// file (whoever it is sent for, a file is paid back once).
    /// </summary>
    public IReadOnlyList<EntitlementClaim> Claims => [.. EntitlementClaims.For(Who, UsesUp, Family), .. EntitlementClaims.ForReceipts(Receipts)];

    /// <summary>The entitlements the grant uses up.</summary>
    public IReadOnlyList<RemedyKind> UsesUp => Remedies.Select(r => r.Kind).Concat(StandsInFor).Distinct().Order().ToList();

    /// <summary>The rules every grant obeys, whoever asks: confirmed by the customer, positive amounts, vouchers only with consent and worth at least the cash.</summary>
    public GrantRefusal? Violation()
    {
        if (!CustomerConfirmed)
        {
            return GrantRefusal.NotConfirmed;
        }
        if (Remedies.Count == 0)
        {
            return GrantRefusal.NothingChosen;
        }
        if (Remedies.Any(r => r.Amount <= 0))
        {
            return GrantRefusal.NotPositive;
        }
        if (Remedies.Any(r => r.AsVoucher) && (!CustomerAgreedToVoucher || Choice is { Voucher: false }))
        {
            return GrantRefusal.VoucherWithoutConsent;
        }
        if (Remedies.Any(r => r.AsVoucher && (r.VoucherValue ?? 0) < r.Amount))
        {
            return GrantRefusal.VoucherWorthLessThanCash;
        }
        return null;
    }
}

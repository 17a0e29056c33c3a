using CustomerCare.Remedies;

namespace CustomerCare.Ledger;

/// <summary>A request to grant chosen remedies for one entitlement, with the customer's confirmation and consent.</summary>
public sealed record GrantRequest(
    EntitlementKey Key,
    IReadOnlyList<GrantedRemedy> Remedies,
    string PolicyVersion,
    GrantActor Actor,
    bool CustomerConfirmed,
    bool CustomerAgreedToVoucher = false,
    string? OverrideReason = null,
    LoyaltyTier Tier = LoyaltyTier.Basic,
    string? SeverityBand = null)
{
    /// <summary>The rules every grant obeys, whoever asks: confirmed by the customer, vouchers only with consent and worth at least the cash.</summary>
    public string? Violation()
    {
        if (!CustomerConfirmed)
        {
            return "NotConfirmed";
        }
        if (Remedies.Count == 0)
        {
            return "NothingChosen";
        }
        if (Remedies.Any(r => r.AsVoucher) && !CustomerAgreedToVoucher)
        {
            return "VoucherWithoutConsent";
        }
        if (Remedies.Any(r => r.AsVoucher && (r.VoucherValue ?? 0) < r.Amount))
        {
            return "VoucherWorthLessThanCash";
        }
        if (Remedies.Any(r => r.Amount < 0))
        {
            return "NegativeAmount";
        }
        return null;
    }
}

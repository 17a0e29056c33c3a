using CustomerCare.Remedies;

namespace CustomerCare.Ledger;

/// <summary>One remedy as granted: cash, or a voucher the customer agreed to that is worth at least the cash amount.</summary>
public sealed record GrantedRemedy(string Code, RemedyKind Kind, decimal Amount, string Currency, string Rule, bool AsVoucher = false, decimal? VoucherValue = null)
{
    /// <summary>A voucher's code (<see cref="VoucherCodes"/>), listed in the ledger with its grant.</summary>
    public string? VoucherCode { get; init; }

    public DateOnly? VoucherValidUntil { get; init; }
}

namespace CustomerCare.Remedies;

/// <summary>
/// Where the policy lets a customer take a voucher instead of money (only by their informed choice, EU261 Art. 7(3)):
/// for which remedies, how much more it is worth than the cash, and how long it stays valid.
/// </summary>
public sealed record VoucherRules(IReadOnlyList<RemedyKind> Kinds, int UpliftPercent, int ValidityMonths)
{
    /// <summary>What a voucher instead of <paramref name="cash"/> is worth: always more, in cents.</summary>
    public decimal ValueOf(decimal cash) => decimal.Round(cash * (100 + UpliftPercent) / 100m, 2, MidpointRounding.AwayFromZero);
}

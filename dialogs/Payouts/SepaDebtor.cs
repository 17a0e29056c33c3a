namespace CustomerCare.Payouts;

/// <summary>The airline's own account, which SEPA credit transfers are paid from; the BIC is optional (IBAN-only).</summary>
public sealed record SepaDebtor(string Name, string Iban, string? Bic);

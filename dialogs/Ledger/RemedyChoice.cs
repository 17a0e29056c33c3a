namespace CustomerCare.Ledger;

/// <summary>What the customer chose between money and a voucher, and the exact text they were shown when they chose.</summary>
public sealed record RemedyChoice(bool Voucher, string ShownText);

namespace CustomerCare.Payouts;

/// <summary>A SEPA credit-transfer file as it was handed to finance: kept as written, so it downloads again byte for byte.</summary>
public sealed record SepaFile(string Batch, DateTime CreatedUtc, int Transfers, byte[] Content);

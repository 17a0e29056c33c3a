using CustomerCare.Remedies;

namespace CustomerCare.Ledger;

/// <summary>One remedy as granted: cash, or a voucher the customer agreed to that is worth at least the cash amount.</summary>
public sealed record GrantedRemedy(string Code, RemedyKind Kind, decimal Amount, string Currency, string Rule, bool AsVoucher = false, decimal? VoucherValue = null);

/// <summary>Who granted: the bot or an agent (with their id and name), through which channel, in which conversation.</summary>
public sealed record GrantActor(string Kind, string Id, string? Name, string Channel, string ConversationId)
{
    public const string Bot = "bot";
    public const string Agent = "agent";
}

/// <summary>A durable grant: what, under which policy version and rule, by whom, when, and the reference the customer is told.</summary>
public sealed record LedgerEntry(
    string Reference,
    EntitlementKey Key,
    IReadOnlyList<GrantedRemedy> Remedies,
    string PolicyVersion,
    GrantActor GrantedBy,
    DateTime GrantedUtc,
    string? OverrideReason = null,
    LoyaltyTier Tier = LoyaltyTier.Basic,
    string? SeverityBand = null)
{
    public decimal Total(string currency) => Remedies.Where(r => r.Currency == currency).Sum(r => r.Amount);
}

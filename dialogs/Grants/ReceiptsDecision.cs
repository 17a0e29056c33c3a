using CustomerCare.Ledger;

namespace CustomerCare.Grants;

/// <summary>
/// What came of a customer's care receipts: the grant of what fits the caps (null when nothing did), what it pays,
/// and what is above the caps (or in another currency), which goes to a person.
/// </summary>
public sealed record ReceiptsDecision(GrantOutcome? Outcome, IReadOnlyList<GrantedRemedy> Within, IReadOnlyList<CareReceipt> AboveCaps, decimal AboveAmount);

using CustomerCare.Remedies;

namespace CustomerCare.Ledger;

/// <summary>A receipt a customer sent for care during a disruption: what for, the amount they stated, and the file (a Direct Line upload).</summary>
public sealed record CareReceipt(CareExpense Expense, decimal Amount, string Currency, string FileName, string ContentType, string ContentUrl);

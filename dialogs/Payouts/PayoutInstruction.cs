using CustomerCare.Ledger;

namespace CustomerCare.Payouts;

/// <summary>One amount to pay, in one currency.</summary>
public sealed record PayoutAmount(decimal Amount, string Currency);

/// <summary>Where the money goes.</summary>
public enum PayoutMethod
{
    /// <summary>Back to how the booking was paid.</summary>
    OriginalPaymentMethod,

    /// <summary>A bank transfer to an account the customer gave.</summary>
    BankTransfer,
}

/// <summary>
/// What finance is told to pay for one grant: written with the grant, in its transaction, and delivered exactly once
/// under the grant's reference. Vouchers are not paid out: a grant of vouchers only has no instruction.
/// </summary>
public sealed record PayoutInstruction(
    string Reference,
    string PassengerId,
    string? PassengerName,
    string BookingReference,
    IReadOnlyList<PayoutAmount> Amounts,
    PayoutMethod Method,
    IReadOnlyList<string> Rules,
    string PolicyVersion,
    DateTime GrantedUtc)
{
    /// <summary>The booking's payment, as the booking system knows it: where the original payment method refunds to.</summary>
    public string? PaymentReference { get; init; }

    /// <summary>The account of a bank transfer; null for the original payment method.</summary>
    public BankAccount? Account { get; init; }

    /// <summary>The same instruction, paid by bank transfer to this account.</summary>
    public PayoutInstruction To(BankAccount account) => this with { Method = PayoutMethod.BankTransfer, Account = account };

    /// <summary>The instruction a grant makes: its cash remedies, summed per currency; null when it has none.</summary>
    public static PayoutInstruction? For(LedgerEntry entry)
    {
        var cash = entry.Remedies.Where(r => !r.AsVoucher && r.Amount > 0).ToList();
        if (cash.Count == 0)
        {
            return null;
        }
        return new PayoutInstruction(
            entry.Reference,
            entry.Subject.PassengerId,
            entry.Subject.PassengerName,
            entry.Subject.BookingReference,
            cash.GroupBy(r => r.Currency, StringComparer.Ordinal).Select(g => new PayoutAmount(g.Sum(r => r.Amount), g.Key)).OrderBy(a => a.Currency, StringComparer.Ordinal).ToList(),
            PayoutMethod.OriginalPaymentMethod,
            cash.Select(r => r.Rule).Distinct(StringComparer.Ordinal).ToList(),
            entry.PolicyVersion,
            entry.GrantedUtc)
        {
            PaymentReference = entry.Subject.PaymentReference,
        };
    }
}

using System.Security.Cryptography;
using System.Text;
using CustomerCare.Ledger;
using CustomerCare.Payouts;

namespace CustomerCare.Privacy;

/// <summary>
/// What of a grant and its payout is kept once the customer's personal data may no longer be: the grant stays the
/// record of what was paid, to whom and why (booking, passenger id, ticket, amounts, rules, policy, who granted,
/// when), but the passenger's name and the account holder become a pseudonym, and the IBAN is kept masked. The
/// pseudonym is derived from the booking and passenger id the grant keeps anyway, so it is stable (every grant of one
/// passenger has the same) and tells no more than they do. A payout finance has not reported paid is left whole:
/// it may still be sent, refused, or moved to another account.
/// </summary>
public static class LedgerPseudonyms
{
    public const string Prefix = "pseudonym-";

    /// <summary>The pseudonym of the passenger on a booking.</summary>
    public static string For(string bookingReference, string passengerId)
        => Prefix + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(bookingReference.Trim().ToUpperInvariant() + "/" + passengerId)))[..16];

    /// <summary>Whether a grant with this payout (null: a grant of vouchers only, which has none) may be pseudonymised now.</summary>
    public static bool MayPseudonymise(PayoutState? payout) => payout is null || payout.Status == PayoutStatus.Paid;

    public static LedgerEntry Of(LedgerEntry entry)
        => entry with { Subject = entry.Subject with { PassengerName = For(entry.Subject.BookingReference, entry.Subject.PassengerId) } };

    public static PayoutState Of(PayoutState payout)
    {
        var instruction = payout.Instruction;
        var pseudonym = For(instruction.BookingReference, instruction.PassengerId);
        return payout with
        {
            Instruction = instruction with
            {
                PassengerName = pseudonym,
                Account = instruction.Account is { } account ? new BankAccount(MaskedIban(account.Iban), pseudonym) : null,
            },
        };
    }

    /// <summary>Whether a grant's name is a pseudonym already.</summary>
    public static bool IsPseudonymised(LedgerEntry entry) => entry.Subject.PassengerName?.StartsWith(Prefix, StringComparison.Ordinal) == true;

    private static string MaskedIban(string iban) => Iban.TryParse(iban, out var parsed) ? parsed.Masked : "••••";
}

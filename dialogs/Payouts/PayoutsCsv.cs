using System.Globalization;
using System.Text;
using CustomerCare.Ledger;

namespace CustomerCare.Payouts;

/// <summary>
/// Payout instructions as CSV for finance's download (so with the full IBAN of a bank transfer): one line per instruction and currency, UTF-8 with a byte-order
/// mark, CRLF line ends, fields quoted where needed and formulas neutralised.
/// </summary>
public static class PayoutsCsv
{
    public const string Header = "reference,booking,passengerId,passengerName,amount,currency,method,rules,policyVersion,grantedUtc,status,attempts,lastError,reason,paidOn,paymentReference,iban,accountHolder,idempotencyKey";

    public static string Write(IEnumerable<PayoutState> payouts)
    {
        var csv = new StringBuilder().Append('\uFEFF').Append(Header).Append("\r\n");
        foreach (var payout in payouts)
        {
            var i = payout.Instruction;
            foreach (var amount in i.Amounts)
            {
                string[] fields =
                [
                    i.Reference, i.BookingReference, i.PassengerId, i.PassengerName ?? string.Empty,
                    amount.Amount.ToString("0.00##", CultureInfo.InvariantCulture), amount.Currency,
                    i.Method == PayoutMethod.BankTransfer ? "bankTransfer" : "originalPaymentMethod",
                    string.Join("; ", i.Rules), i.PolicyVersion, i.GrantedUtc.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
                    payout.Status.ToString().ToLowerInvariant(), payout.Attempts.ToString(CultureInfo.InvariantCulture), payout.LastError ?? string.Empty,
                    payout.Reason ?? string.Empty, payout.PaidOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? string.Empty,
                    i.PaymentReference ?? string.Empty, i.Account?.Iban ?? string.Empty, i.Account?.Holder ?? string.Empty, payout.DeliveryKey,
                ];
                csv.AppendJoin(',', fields.Select(CsvField.Escape)).Append("\r\n");
            }
        }
        return csv.ToString();
    }
}

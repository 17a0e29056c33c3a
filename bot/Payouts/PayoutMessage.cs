using System.Globalization;
using System.Text.Json;
using CustomerCare.Payouts;

namespace CustomerCare.Bot.Payouts;

/// <summary>The JSON body of an instruction as finance receives it (see the README's webhook contract).</summary>
public static class PayoutMessage
{
    public static byte[] Body(PayoutState payout)
    {
        var instruction = payout.Instruction;
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("reference", instruction.Reference);
            json.WriteString("idempotencyKey", payout.DeliveryKey);
            json.WriteNumber("revision", payout.Revision);
            json.WriteString("booking", instruction.BookingReference);
            json.WriteStartObject("passenger");
            json.WriteString("id", instruction.PassengerId);
            json.WriteString("name", instruction.PassengerName);
            json.WriteEndObject();
            json.WriteStartArray("amounts");
            foreach (var amount in instruction.Amounts)
            {
                json.WriteStartObject();
                // As a decimal string: finance systems must not read money through binary floating point.
                json.WriteString("amount", amount.Amount.ToString("0.00##", CultureInfo.InvariantCulture));
                json.WriteString("currency", amount.Currency);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteString("method", instruction.Method == PayoutMethod.BankTransfer ? "bankTransfer" : "originalPaymentMethod");
            if (instruction.PaymentReference is { } paymentReference)
            {
                json.WriteString("paymentReference", paymentReference);
            }
            if (instruction.Account is { } account)
            {
                json.WriteStartObject("account");
                json.WriteString("iban", account.Iban);
                json.WriteString("holder", account.Holder);
                json.WriteEndObject();
            }
            json.WriteStartArray("rules");
            foreach (var rule in instruction.Rules)
            {
                json.WriteStringValue(rule);
            }
            json.WriteEndArray();
            json.WriteString("policyVersion", instruction.PolicyVersion);
            json.WriteString("grantedUtc", DateTime.SpecifyKind(instruction.GrantedUtc, DateTimeKind.Utc));
            json.WriteEndObject();
        }
        return buffer.ToArray();
    }
}

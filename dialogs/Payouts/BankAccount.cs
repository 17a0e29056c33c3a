using System.Text.Json.Serialization;

namespace CustomerCare.Payouts;

/// <summary>An account a customer gave for a bank transfer: the IBAN (electronic form) and the holder's name.</summary>
public sealed record BankAccount(string Iban, string Holder)
{
    /// <summary>The longest holder name a SEPA credit transfer carries.</summary>
    public const int MaxHolderLength = 70;

    /// <summary>How people see it: the IBAN masked, and the holder.</summary>
    [JsonIgnore]
    public string Masked => (Payouts.Iban.TryParse(Iban, out var iban) ? iban.Masked : "••••") + " (" + Holder + ")";

    /// <summary>A holder's name as a customer typed it, or null when it is no name a SEPA transfer carries (no Latin letter, or too long).</summary>
    public static string? HolderName(string? text)
    {
        var name = string.Join(' ', (text ?? string.Empty).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return name.Length is > 0 and <= MaxHolderLength && !name.Any(char.IsControl) && SepaText.Of(name, MaxHolderLength).Any(char.IsAsciiLetter) ? name : null;
    }
}

namespace CustomerCare.Payouts;

/// <summary>
/// An International Bank Account Number (ISO 13616), checked: a known country's length and valid check digits
/// (mod 97). Held without spaces, upper case; shown to people only masked.
/// </summary>
public readonly record struct Iban
{
    /// <summary>The lengths of IBANs in the SEPA countries, and a few more a customer may bank in.</summary>
    private static readonly Dictionary<string, int> Lengths = new(StringComparer.Ordinal)
    {
        ["AD"] = 24, ["AT"] = 20, ["BE"] = 16, ["BG"] = 22, ["CH"] = 21, ["CY"] = 28, ["CZ"] = 24, ["DE"] = 22, ["DK"] = 18,
        ["EE"] = 20, ["ES"] = 24, ["FI"] = 18, ["FR"] = 27, ["GB"] = 22, ["GI"] = 23, ["GR"] = 27, ["HR"] = 21, ["HU"] = 28,
        ["IE"] = 22, ["IS"] = 26, ["IT"] = 27, ["LI"] = 21, ["LT"] = 20, ["LU"] = 20, ["LV"] = 21, ["MC"] = 27, ["MT"] = 31,
        ["NL"] = 18, ["NO"] = 15, ["PL"] = 28, ["PT"] = 25, ["RO"] = 24, ["SE"] = 24, ["SI"] = 19, ["SK"] = 24, ["SM"] = 27,
        ["VA"] = 22, ["TR"] = 26, ["AE"] = 23, ["SA"] = 24, ["IL"] = 23,
    };

    private Iban(string value) => Value = value;

    /// <summary>The IBAN in its electronic form: no spaces, upper case.</summary>
    public string Value { get; }

    public string CountryCode => Value[..2];

    /// <summary>How people see it: country, check digits and the last four, "DE89 •••• 3000".</summary>
    public string Masked => Value[..4] + " •••• " + Value[^4..];

    /// <summary>Reads what a customer typed ("de89 3704 0044 0532 0130 00", "DE89-3704…"); false unless it is a valid IBAN.</summary>
    public static bool TryParse(string? text, out Iban iban)
    {
        iban = default;
        if (string.IsNullOrWhiteSpace(text) || text.Length > 64)
        {
            return false;
        }
        var compact = string.Concat(text.Where(c => c is not (' ' or '-' or '.'))).ToUpperInvariant();
        if (compact.Length < 4 || !compact.All(char.IsAsciiLetterOrDigit) || !char.IsAsciiLetter(compact[0]) || !char.IsAsciiLetter(compact[1])
            || !Lengths.TryGetValue(compact[..2], out var length) || compact.Length != length || !HasValidCheckDigits(compact))
        {
            return false;
        }
        iban = new Iban(compact);
        return true;
    }

    /// <summary>An IBAN anywhere in what a customer typed ("my IBAN is DE89 3704 …"): the first valid one.</summary>
    public static bool TryFind(string? text, out Iban iban)
    {
        iban = default;
        if (TryParse(text, out iban))
        {
            return true;
        }
        if (string.IsNullOrEmpty(text) || text.Length > 200)
        {
            return false;
        }
        var compact = string.Concat(text.Where(c => c is not (' ' or '-' or '.'))).ToUpperInvariant();
        for (var i = 0; i + 4 < compact.Length; i++)
        {
            if (char.IsAsciiLetter(compact[i]) && char.IsAsciiLetter(compact[i + 1]) && Lengths.TryGetValue(compact[i..(i + 2)], out var length)
                && i + length <= compact.Length && TryParse(compact.Substring(i, length), out iban))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>ISO 13616: the first four characters moved to the end, letters as numbers (A = 10), the remainder mod 97 is 1.</summary>
    public static bool HasValidCheckDigits(string compact)
    {
        if (compact.Length < 5 || !char.IsAsciiDigit(compact[2]) || !char.IsAsciiDigit(compact[3]))
        {
            return false;
        }
        var remainder = 0;
        foreach (var c in compact[4..] + compact[..4])
        {
            if (!char.IsAsciiLetterOrDigit(c))
            {
                return false;
            }
            var number = char.IsAsciiDigit(c) ? c - '0' : char.ToUpperInvariant(c) - 'A' + 10;
            remainder = number >= 10 ? (remainder * 100 + number) % 97 : (remainder * 10 + number) % 97;
        }
        return remainder == 1;
    }

    public override string ToString() => Masked;
}

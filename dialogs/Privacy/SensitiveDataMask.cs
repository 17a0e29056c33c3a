using System.Text.RegularExpressions;

namespace CustomerCare.Privacy;

/// <summary>
/// Masks what a stored transcript must not keep: payment card numbers (Luhn-valid, last four kept), IBANs (valid
/// check digits, country kept), e-mail addresses and phone numbers. Booking references, flight numbers, dates and
/// amounts are left alone. Whatever the bot needs (a callback address) is kept elsewhere before the text is masked.
/// </summary>
public static partial class SensitiveDataMask
{
    public static string Apply(string text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text;
        }
        var masked = CardNumber().Replace(text, m => IsLuhnValid(Digits(m.Value)) ? "[card ••••" + Digits(m.Value)[^4..] + "]" : m.Value);
        masked = Iban().Replace(masked, m => IsIbanValid(m.Value) ? "[IBAN " + m.Value[..2].ToUpperInvariant() + "••]" : m.Value);
        masked = EmailAddress().Replace(masked, "[e-mail]");
        return PhoneNumber().Replace(masked, m => Digits(m.Value).Length is >= 7 and <= 15 ? "[phone]" : m.Value);
    }

    private static string Digits(string value) => string.Concat(value.Where(char.IsAsciiDigit));

    private static bool IsLuhnValid(string digits)
    {
        if (digits.Length is < 13 or > 19)
        {
            return false;
        }
        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            var digit = digits[digits.Length - 1 - i] - '0';
            if (i % 2 == 1)
            {
                digit *= 2;
                if (digit > 9)
                {
                    digit -= 9;
                }
            }
            sum += digit;
        }
        return sum % 10 == 0;
    }

    /// <summary>ISO 13616: move the first four characters to the end, letters to numbers, the remainder mod 97 is 1.</summary>
    private static bool IsIbanValid(string value)
    {
        var iban = string.Concat(value.Where(char.IsAsciiLetterOrDigit)).ToUpperInvariant();
        if (iban.Length is < 15 or > 34)
        {
            return false;
        }
        var rearranged = iban[4..] + iban[..4];
        var remainder = 0;
        foreach (var c in rearranged)
        {
            var number = char.IsAsciiDigit(c) ? c - '0' : c - 'A' + 10;
            remainder = number >= 10 ? (remainder * 100 + number) % 97 : (remainder * 10 + number) % 97;
        }
        return remainder == 1;
    }

    [GeneratedRegex(@"(?<![\w])\d(?:[ -]?\d){12,18}(?![\w])")]
    private static partial Regex CardNumber();

    /// <summary>Upper case as IBANs are written, so the words after one are never taken for part of it.</summary>
    [GeneratedRegex(@"(?<![\w])[A-Z]{2}\d{2}(?:[ ]?[A-Z0-9]){11,30}(?![\w])")]
    private static partial Regex Iban();

    [GeneratedRegex(@"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")]
    private static partial Regex EmailAddress();

    /// <summary>International (+ or 00) or national (leading 0) numbers, with spaces, dashes or brackets between digits.</summary>
    [GeneratedRegex(@"(?<![\w+])(?:\+|00|0)\d(?:[ ()-]{0,2}\d){5,16}(?![\w])")]
    private static partial Regex PhoneNumber();
}

using System.Text.RegularExpressions;

namespace CustomerCare.Privacy;

/// <summary>
/// Masks what a stored transcript must not keep: payment card numbers (Luhn-valid, last four kept), IBANs (valid
/// check digits, country kept; typed with spaces, dots or dashes as the bot accepts them), e-mail addresses and phone numbers. A card number or IBAN followed by more digits
/// or words (an expiry date, a CVV, "BIC …") is still found: the longest valid beginning is masked. Booking
/// references, flight numbers, dates and amounts are left alone. What the bot needs (a callback address) is kept
/// elsewhere before the text is masked.
/// </summary>
public static partial class SensitiveDataMask
{
    public static string Apply(string text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text;
        }
        // IBANs first: an account number is often a Luhn-valid digit run too, and should read as the IBAN it is.
        var masked = IbanCandidate().Replace(text, MaskIban);
        masked = DigitRun().Replace(masked, MaskCard);
        masked = EmailAddress().Replace(masked, "[e-mail]");
        masked = PhoneNumber().Replace(masked, m => Digits(m.Value).Length is >= 7 and <= 15 ? "[phone]" : m.Value);
        return NorthAmericanPhone().Replace(masked, "[phone]");
    }

    /// <summary>Masks the longest Luhn-valid beginning of 13–19 digits; what follows it (an expiry, a CVV) stays.</summary>
    private static string MaskCard(Match match)
    {
        var value = match.Value;
        var digitEnds = new List<int>();
        for (var i = 0; i < value.Length; i++)
        {
            if (char.IsAsciiDigit(value[i]))
            {
                digitEnds.Add(i + 1);
            }
        }
        for (var count = Math.Min(19, digitEnds.Count); count >= 13; count--)
        {
            var end = digitEnds[count - 1];
            var digits = Digits(value[..end]);
            if (IsLuhnValid(digits))
            {
                return "[card ••••" + digits[^4..] + "]" + value[end..];
            }
        }
        return value;
    }

    /// <summary>Masks the longest beginning (ending at a word boundary) with valid IBAN check digits.</summary>
    private static string MaskIban(Match match)
    {
        var value = match.Value;
        for (var end = value.Length; end >= 15; end--)
        {
            if ((end == value.Length || value[end] is ' ' or '.' or '-') && IsIbanValid(value[..end]))
            {
                return "[IBAN " + value[..2].ToUpperInvariant() + "••]" + value[end..];
            }
        }
        return value;
    }

    private static string Digits(string value) => string.Concat(value.Where(char.IsAsciiDigit));

    private static bool IsLuhnValid(string digits)
    {
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
        // Account numbers are mostly digits; words after a flight number ("CC400 from FRA to") are not.
        if (iban.Length is < 15 or > 34 || iban[4..].Count(char.IsAsciiDigit) * 10 < (iban.Length - 4) * 6)
        {
            return false;
        }
        return Payouts.Iban.HasValidCheckDigits(iban);
    }

    /// <summary>A run of at least 13 digits, single spaces or dashes between them.</summary>
    [GeneratedRegex(@"(?<![\w])\d(?:[ -]?\d){12,40}", RegexOptions.None, matchTimeoutMilliseconds: 250)]
    private static partial Regex DigitRun();

    /// <summary>
    /// Two letters, two check digits, then groups of letters and digits, with the separators the bot itself accepts in
    /// an IBAN (spaces, dots, dashes; up to two between characters); the valid length is found afterwards.
    /// </summary>
    [GeneratedRegex(@"(?<![\w])[A-Za-z]{2}[ .-]{0,2}\d{2}(?:[ .-]{0,2}[A-Za-z0-9]){11,40}", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 250)]
    private static partial Regex IbanCandidate();

    /// <summary>An e-mail address, as masked in transcripts and as taken for a callback while a customer waits.</summary>
    [GeneratedRegex(@"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}", RegexOptions.None, matchTimeoutMilliseconds: 250)]
    public static partial Regex EmailAddress();

    /// <summary>International (+ or 00) or national (leading 0) numbers, with spaces, dashes or brackets between digits.</summary>
    [GeneratedRegex(@"(?<![\w+])(?:\+|00|0)\d(?:[ ()-]{0,2}\d){5,16}(?![\w])", RegexOptions.None, matchTimeoutMilliseconds: 250)]
    private static partial Regex PhoneNumber();

    /// <summary>North American numbers written the usual ways: (212) 555-0147, 212-555-0147, 212.555.0147.</summary>
    [GeneratedRegex(@"(?<![\w(])(?:\(\d{3}\)\s?|\d{3}[-.])\d{3}[-.]\d{4}(?![\w])", RegexOptions.None, matchTimeoutMilliseconds: 250)]
    private static partial Regex NorthAmericanPhone();
}

using System.Text.RegularExpressions;

namespace CustomerCare.Conversation;

/// <summary>Record locators: six letters and digits, read case-insensitively; "K7Q X2M" (split in the middle) is accepted too.</summary>
public static partial class BookingReferences
{
    public static string? Normalize(string? text)
    {
        var trimmed = (text ?? string.Empty).Trim().ToUpperInvariant();
        return Locator().IsMatch(trimmed) ? trimmed.Replace(" ", string.Empty, StringComparison.Ordinal) : null;
    }

    [GeneratedRegex("^[A-Z0-9]{3} ?[A-Z0-9]{3}$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 250)]
    private static partial Regex Locator();
}

using System.Text.RegularExpressions;

namespace CustomerCare.Conversation;

/// <summary>Record locators: six letters and digits, read case-insensitively and with spaces ignored.</summary>
public static partial class BookingReferences
{
    public static string? Normalize(string? text)
    {
        var compact = (text ?? string.Empty).Replace(" ", string.Empty, StringComparison.Ordinal).ToUpperInvariant();
        return Locator().IsMatch(compact) ? compact : null;
    }

    [GeneratedRegex("^[A-Z0-9]{6}$", RegexOptions.CultureInvariant)]
    private static partial Regex Locator();
}

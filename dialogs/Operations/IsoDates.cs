using System.Globalization;

namespace CustomerCare.Operations;

/// <summary>Days as the bot writes them in conversation state, case files and keys: ISO 8601, "2026-11-18".</summary>
public static class IsoDates
{
    public static string Format(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The day written as "yyyy-MM-dd", or null for anything else.</summary>
    public static DateOnly? Parse(string? text)
        => DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;
}

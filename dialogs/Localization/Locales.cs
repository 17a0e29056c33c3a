using System.Collections.Concurrent;
using System.Globalization;
using CustomerCare.Builder;

namespace CustomerCare.Localization;

/// <summary>Which language a conversation speaks: the activity's locale when we support it, English otherwise.</summary>
public static class Locales
{
    public const string English = "en-US";
    public const string German = "de-DE";

    private static readonly ConcurrentDictionary<string, CultureInfo> Resolved = new(StringComparer.OrdinalIgnoreCase);
    private static readonly CultureInfo Default = CultureInfo.GetCultureInfo(English);

    /// <summary>Resolved once per distinct locale string: CultureInfo.GetCultureInfo takes a process-wide lock.</summary>
    public static CultureInfo For(string? locale)
        => string.IsNullOrWhiteSpace(locale) ? Default : Resolved.GetOrAdd(locale, Resolve);

    private static CultureInfo Resolve(string locale)
    {
        try
        {
            var culture = CultureInfo.GetCultureInfo(locale.Trim());
            return culture.TwoLetterISOLanguageName is "de" or "en" ? culture : CultureInfo.GetCultureInfo(English);
        }
        catch (CultureNotFoundException)
        {
            return CultureInfo.GetCultureInfo(English);
        }
    }

    public static CultureInfo Culture(this ITurnContext turnContext) => For(turnContext.Activity.Locale);

    public static bool IsGerman(this CultureInfo culture) => culture.TwoLetterISOLanguageName == "de";
}

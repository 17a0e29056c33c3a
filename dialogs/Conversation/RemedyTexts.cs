using System.Globalization;
using CustomerCare.Localization;
using CustomerCare.Remedies;

namespace CustomerCare.Conversation;

/// <summary>Explains each remedy in plain language, with its amount in the customer's format and the rule it rests on.</summary>
public static class RemedyTexts
{
    public static string Line(RemedyOption option, CultureInfo culture)
    {
        var args = option.ExplanationArguments;
        return BotText.Format(culture, "Remedy." + option.Explanation,
            Money.Format(option.Amount, option.Currency, culture),
            args.Count > 0 ? args[0] : string.Empty,
            args.Count > 1 ? args[1] : string.Empty,
            option.Rule,
            args.Count > 2 ? args[2] : string.Empty,
            args.Count > 3 ? args[3] : string.Empty);
    }

    public static string Total(IEnumerable<(decimal Amount, string Currency)> amounts, CultureInfo culture)
        => string.Join(" + ", amounts.GroupBy(a => a.Currency).Select(g => Money.Format(g.Sum(a => a.Amount), g.Key, culture)));

    public static string Duration(TimeSpan span, CultureInfo culture)
        => culture.IsGerman()
            ? $"{(int)span.TotalHours} Std. {span.Minutes} Min."
            : $"{(int)span.TotalHours} h {span.Minutes} min";

    /// <summary>How an arrival compares with its schedule: "2 h 5 min late", "on time", "12 min early" (never a negative delay).</summary>
    public static string Lateness(TimeSpan delay, CultureInfo culture)
    {
        var minutes = (int)Math.Round(delay.TotalMinutes);
        if (minutes == 0)
        {
            return culture.IsGerman() ? "pünktlich" : "on time";
        }
        var span = TimeSpan.FromMinutes(Math.Abs(minutes));
        var length = span.TotalHours >= 1 ? Duration(span, culture) : culture.IsGerman() ? $"{span.Minutes} Min." : $"{span.Minutes} min";
        return minutes > 0
            ? length + (culture.IsGerman() ? " verspätet" : " late")
            : length + (culture.IsGerman() ? " zu früh" : " early");
    }
}

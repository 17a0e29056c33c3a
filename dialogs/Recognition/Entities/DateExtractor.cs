using System.Globalization;
using System.Text.RegularExpressions;

namespace CustomerCare.Recognition.Entities;

/// <summary>
/// Dates, absolute and relative, in English and German, resolved against the conversation's clock to an ISO date.
/// A date without a year, a bare "the 14th" or a weekday means the most recent such day (today included):
/// customers report disruptions that have happened.
/// </summary>
public sealed partial class DateExtractor : IEntityExtractor
{
    private static readonly Dictionary<string, int> RelativeDays = new(StringComparer.OrdinalIgnoreCase)
    {
        ["today"] = 0, ["tonight"] = 0, ["this morning"] = 0, ["yesterday"] = -1, ["day before yesterday"] = -2, ["tomorrow"] = 1,
        ["heute"] = 0, ["heute morgen"] = 0, ["gestern"] = -1, ["vorgestern"] = -2, ["morgen"] = 1,
    };

    private static readonly Dictionary<string, DayOfWeek> Weekdays = new(StringComparer.OrdinalIgnoreCase)
    {
        ["monday"] = DayOfWeek.Monday, ["tuesday"] = DayOfWeek.Tuesday, ["wednesday"] = DayOfWeek.Wednesday, ["thursday"] = DayOfWeek.Thursday,
        ["friday"] = DayOfWeek.Friday, ["saturday"] = DayOfWeek.Saturday, ["sunday"] = DayOfWeek.Sunday,
        ["montag"] = DayOfWeek.Monday, ["dienstag"] = DayOfWeek.Tuesday, ["mittwoch"] = DayOfWeek.Wednesday, ["donnerstag"] = DayOfWeek.Thursday,
        ["freitag"] = DayOfWeek.Friday, ["samstag"] = DayOfWeek.Saturday, ["sonnabend"] = DayOfWeek.Saturday, ["sonntag"] = DayOfWeek.Sunday,
    };

    private static readonly Dictionary<string, int> Months = BuildMonths();

    public IEnumerable<RecognizedEntity> Extract(string text, CultureInfo culture, DateOnly today)
    {
        var found = new List<RecognizedEntity>();
        void Add(Match m, DateOnly? date)
        {
            if (date is { } d && !found.Any(f => Overlaps(f, m)))
            {
                found.Add(new RecognizedEntity(EntityCategories.Date, m.Value, m.Index, m.Length, d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
            }
        }

        foreach (Match m in Iso().Matches(text))
        {
            Add(m, Make(Int(m, "y"), Int(m, "m"), Int(m, "d")));
        }
        foreach (Match m in Numeric().Matches(text))
        {
            var (first, second) = (Int(m, "a"), Int(m, "b"));
            var monthFirst = m.Groups["sep"].Value == "/" && culture.Name == "en-US";
            var (day, month) = monthFirst ? (second, first) : (first, second);
            Add(m, m.Groups["y"].Success ? Make(Year(Int(m, "y")), month, day) : MostRecent(today, month, day));
        }
        foreach (Match m in DayMonthName().Matches(text))
        {
            Add(m, Named(m, today));
        }
        foreach (Match m in MonthNameDay().Matches(text))
        {
            Add(m, Named(m, today));
        }
        foreach (Match m in Relative().Matches(text))
        {
            Add(m, today.AddDays(RelativeDays[Squash(m.Groups["word"].Value)]));
        }
        foreach (Match m in Weekday().Matches(text))
        {
            var target = Weekdays[m.Groups["day"].Value];
            var back = ((int)today.DayOfWeek - (int)target + 7) % 7;
            if (back == 0 && m.Groups["last"].Success)
            {
                back = 7;
            }
            Add(m, today.AddDays(-back));
        }
        foreach (Match m in Ordinal().Matches(text))
        {
            var day = Int(m, "d");
            var date = MostRecentDayOfMonth(today, day);
            Add(m, date);
        }
        return found.OrderBy(f => f.Offset);
    }

    private static DateOnly? Named(Match m, DateOnly today)
    {
        if (!Months.TryGetValue(m.Groups["month"].Value.TrimEnd('.'), out var month))
        {
            return null;
        }
        var day = Int(m, "d");
        return m.Groups["y"].Success ? Make(Year(Int(m, "y")), month, day) : MostRecent(today, month, day);
    }

    private static DateOnly? MostRecent(DateOnly today, int month, int day)
    {
        var thisYear = Make(today.Year, month, day);
        return thisYear is { } d && d > today ? Make(today.Year - 1, month, day) : thisYear;
    }

    private static DateOnly? MostRecentDayOfMonth(DateOnly today, int day)
    {
        for (var back = 0; back < 3; back++)
        {
            var month = today.AddMonths(-back);
            if (Make(month.Year, month.Month, day) is { } candidate && candidate <= today)
            {
                return candidate;
            }
        }
        return null;
    }

    private static DateOnly? Make(int year, int month, int day)
        => month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month) && year is >= 2000 and <= 2100
            ? new DateOnly(year, month, day)
            : null;

    private static int Year(int year) => year < 100 ? 2000 + year : year;

    private static int Int(Match m, string group) => int.Parse(m.Groups[group].Value, CultureInfo.InvariantCulture);

    private static bool Overlaps(RecognizedEntity e, Match m) => m.Index < e.Offset + e.Length && e.Offset < m.Index + m.Length;

    private static string Squash(string text) => MultipleSpaces().Replace(text.Trim(), " ");

    private static Dictionary<string, int> BuildMonths()
    {
        var months = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var culture in new[] { CultureInfo.GetCultureInfo("en-US"), CultureInfo.GetCultureInfo("de-DE") })
        {
            for (var i = 1; i <= 12; i++)
            {
                months[culture.DateTimeFormat.GetMonthName(i)] = i;
                months[culture.DateTimeFormat.GetAbbreviatedMonthName(i).TrimEnd('.')] = i;
            }
        }
        months["maerz"] = 3;
        months["sept"] = 9;
        return months;
    }

    [GeneratedRegex(@"\b(?<y>20\d\d)-(?<m>\d{1,2})-(?<d>\d{1,2})\b", RegexOptions.None, matchTimeoutMilliseconds: 250)]
    private static partial Regex Iso();

    [GeneratedRegex(@"(?<![\d.,/])(?<a>\d{1,2})(?<sep>[./])(?<b>\d{1,2})(?:\k<sep>(?<y>\d{4}|\d{2})\b|\.|\b)(?![\d/])", RegexOptions.None, matchTimeoutMilliseconds: 250)]
    private static partial Regex Numeric();

    [GeneratedRegex(@"\b(?<d>\d{1,2})(?:st|nd|rd|th|\.)?\s+(?:of\s+)?(?<month>[A-Za-zäÄ]{3,9}\.?)(?:\s+(?<y>\d{4}))?\b", RegexOptions.IgnoreCase, matchTimeoutMilliseconds: 250)]
    private static partial Regex DayMonthName();

    [GeneratedRegex(@"\b(?<month>[A-Za-z]{3,9}\.?)\s+(?<d>\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(?<y>\d{4}))?\b", RegexOptions.IgnoreCase, matchTimeoutMilliseconds: 250)]
    private static partial Regex MonthNameDay();

    [GeneratedRegex(@"\b(?<word>day\s+before\s+yesterday|yesterday|today|tonight|this\s+morning|tomorrow|vorgestern|gestern|heute(?:\s+morgen)?|morgen)\b", RegexOptions.IgnoreCase, matchTimeoutMilliseconds: 250)]
    private static partial Regex Relative();

    [GeneratedRegex(@"\b(?:(?<last>last|letzten|letzte|vergangenen|vergangene)\s+|(?:on|am|this|diesen)\s+)?(?<day>monday|tuesday|wednesday|thursday|friday|saturday|sunday|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonnabend|sonntag)\b", RegexOptions.IgnoreCase, matchTimeoutMilliseconds: 250)]
    private static partial Regex Weekday();

    [GeneratedRegex(@"\b(?:on\s+the\s+|the\s+|am\s+)(?<d>\d{1,2})(?:st|nd|rd|th|\.)(?!\s*\d)", RegexOptions.IgnoreCase, matchTimeoutMilliseconds: 250)]
    private static partial Regex Ordinal();

    [GeneratedRegex(@"\s+", RegexOptions.None, matchTimeoutMilliseconds: 250)]
    private static partial Regex MultipleSpaces();
}

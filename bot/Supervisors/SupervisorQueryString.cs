using System.Globalization;

namespace CustomerCare.Bot.Supervisors;

/// <summary>Reads the list's filters from a query string; anything malformed is ignored rather than failing the page.</summary>
public static class SupervisorQueryString
{
    public static ConversationQuery Parse(IQueryCollection query) => new()
    {
        Search = Text(query["q"]),
        From = Day(query["from"]),
        To = Day(query["to"]),
        Channel = Text(query["channel"]),
        Outcome = Text(query["outcome"]) is { } outcome && outcome is Outcomes.Granted or Outcomes.HandedOff or Outcomes.Abandoned ? outcome : null,
        Agent = Text(query["agent"]),
        Language = Text(query["language"]),
        Rating = int.TryParse(query["rating"], NumberStyles.None, CultureInfo.InvariantCulture, out var rating) && rating is >= 1 and <= 5 ? rating : null,
        Page = int.TryParse(query["page"], NumberStyles.None, CultureInfo.InvariantCulture, out var page) && page >= 1 ? page : 1,
    };

    /// <summary>The query string for a query (page excluded unless asked), for links and exports.</summary>
    public static Dictionary<string, string?> ToRouteValues(ConversationQuery query, int? page = null)
    {
        var values = new Dictionary<string, string?>
        {
            ["q"] = query.Search,
            ["from"] = query.From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["to"] = query.To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["channel"] = query.Channel,
            ["outcome"] = query.Outcome,
            ["agent"] = query.Agent,
            ["language"] = query.Language,
            ["rating"] = query.Rating?.ToString(CultureInfo.InvariantCulture),
        };
        if (page is { } p)
        {
            values["page"] = p.ToString(CultureInfo.InvariantCulture);
        }
        return values.Where(v => !string.IsNullOrEmpty(v.Value)).ToDictionary();
    }

    private static string? Text(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static DateOnly? Day(string? value)
        => DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;
}

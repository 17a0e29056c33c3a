using CustomerCare.Bot.Supervisors;

namespace CustomerCare.Bot.Storage.PostgreSql;

/// <summary>
/// A supervisor's filters as a SQL condition on <c>conversation_summaries</c>, with its parameters ($1, $2, …): the
/// same matches as the data file's search — dates by the last and first activity, channel, outcome, agent, language,
/// rating, and a search that matches every word written, or the customer, a booking, case or conversation.
/// </summary>
internal static class ConversationFilter
{
    public static (string Where, List<object?> Parameters) Of(ConversationQuery query)
    {
        var conditions = new List<string> { "NOT agents_thread" };
        var parameters = new List<object?>();
        string Parameter(object? value)
        {
            parameters.Add(value);
            return "$" + parameters.Count;
        }
        if (query.From is { } from)
        {
            conditions.Add($"last_utc >= {Parameter(from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc))}");
        }
        if (query.To is { } to)
        {
            conditions.Add($"first_utc < {Parameter(to.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc))}");
        }
        if (query.Channel is { } channel)
        {
            conditions.Add($"channel_id = {Parameter(channel)}");
        }
        switch (query.Outcome)
        {
            case Outcomes.Granted:
                conditions.Add("grants > 0");
                break;
            case Outcomes.HandedOff:
                conditions.Add("handed_off");
                break;
            case Outcomes.Abandoned:
                conditions.Add("grants = 0 AND NOT handed_off");
                break;
            case not null:
                conditions.Add("false");
                break;
        }
        if (query.Agent is { } agent)
        {
            conditions.Add($"agents @> ARRAY[{Parameter(agent)}]::text[]");
        }
        if (query.Language is { } language)
        {
            conditions.Add($"language = {Parameter(language)}");
        }
        if (query.Rating is { } rating)
        {
            conditions.Add($"rating = {Parameter(rating)}");
        }
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            conditions.Add(Search(query.Search.Trim(), Parameter));
        }
        return (string.Join(" AND ", conditions), parameters);
    }

    private static string Search(string needle, Func<object?, string> parameter)
    {
        var terms = SearchTerms.Of(needle).Distinct(StringComparer.Ordinal).ToArray();
        var text = parameter(needle.ToLowerInvariant());
        var names = $"""
            strpos(lower(customer_id), {text}) > 0 OR strpos(lower(customer_name), {text}) > 0 OR strpos(lower(case_reference), {text}) > 0
            OR strpos(lower(conversation_id), {text}) > 0 OR {parameter(needle.ToUpperInvariant())} = ANY (bookings)
            """;
        return terms.Length == 0 ? $"({names})" : $"(terms @> {parameter(terms)}::text[] OR {names})";
    }
}

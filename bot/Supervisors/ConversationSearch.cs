using CustomerCare.Bot.Transcripts;

namespace CustomerCare.Bot.Supervisors;

/// <summary>
/// Answers the conversation list: filters on the in-memory summaries, newest first, and a search that matches the
/// customer (id or name), a record locator or case reference, or words the customer or an agent wrote.
/// </summary>
public sealed class ConversationSearch(ConversationIndex index, TranscriptStore transcripts)
{
    public async Task<ConversationPage> FindAsync(ConversationQuery query)
    {
        var matches = await MatchAsync(query).ConfigureAwait(false);
        matches.Sort(static (a, b) => b.LastUtc.CompareTo(a.LastUtc));
        var pageSize = Math.Clamp(query.PageSize, 1, 200);
        var page = Math.Max(1, query.Page);
        return new ConversationPage(matches.Skip((page - 1) * pageSize).Take(pageSize).ToList(), matches.Count, page, pageSize);
    }

    /// <summary>Every matching conversation, newest first (for exports).</summary>
    public async Task<List<ConversationSummary>> AllAsync(ConversationQuery query)
    {
        var matches = await MatchAsync(query).ConfigureAwait(false);
        matches.Sort(static (a, b) => b.LastUtc.CompareTo(a.LastUtc));
        return matches;
    }

    /// <summary>The channels, agents and languages that occur, for the filter menus.</summary>
    public async Task<(IReadOnlyList<string> Channels, IReadOnlyList<string> Agents, IReadOnlyList<string> Languages)> FacetsAsync()
    {
        var all = await index.WhereAsync(s => !s.AgentsThread).ConfigureAwait(false);
        return (
            all.Select(s => s.ChannelId).Distinct().Order(StringComparer.Ordinal).ToList(),
            all.SelectMany(s => s.Agents).Distinct().Order(StringComparer.Ordinal).ToList(),
            all.Select(s => s.Language).Distinct().Order(StringComparer.Ordinal).ToList());
    }

    private async Task<List<ConversationSummary>> MatchAsync(ConversationQuery query)
    {
        var needle = string.IsNullOrWhiteSpace(query.Search) ? null : query.Search.Trim();
        var terms = needle is null ? [] : SearchTerms.Of(needle).Distinct(StringComparer.Ordinal).ToList();
        var written = terms.Count > 0 ? transcripts.ConversationsWithAll(terms) : null;
        var from = query.From?.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var to = query.To?.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        return await index.WhereAsync(s =>
            !s.AgentsThread
            && (from is null || s.LastUtc >= from)
            && (to is null || s.FirstUtc < to)
            && (query.Channel is null || s.ChannelId == query.Channel)
            && (query.Outcome is null || s.Outcome == query.Outcome)
            && (query.Agent is null || s.Agents.Contains(query.Agent))
            && (query.Language is null || s.Language == query.Language)
            && (query.Rating is null || s.Rating == query.Rating)
            && (needle is null || (written?.Contains(s.Key) ?? false) || Names(s, needle))).ConfigureAwait(false);
    }

    private static bool Names(ConversationSummary summary, string needle)
        => Has(summary.CustomerId, needle) || Has(summary.CustomerName, needle) || Has(summary.CaseReference, needle) || Has(summary.ConversationId, needle)
           || summary.Bookings.Any(b => b.Equals(needle, StringComparison.OrdinalIgnoreCase));

    private static bool Has(string? value, string needle) => value is not null && value.Contains(needle, StringComparison.OrdinalIgnoreCase);
}

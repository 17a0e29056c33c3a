using CustomerCare.Bot.Transcripts;
using CustomerCare.Bot.Supervisors;


namespace CustomerCare.Bot.Storage;

/// <summary>
/// Answers the conversation list from the data file's index: filters on the in-memory summaries, newest first, and a
/// search that matches the customer (id or name), a record locator or case reference, or words the customer or an
/// agent wrote.
/// </summary>
public sealed class ConversationSearch(ConversationIndex index, LiteDbWriter writer) : IConversationList
{
    public Task<ConversationSummary?> FindAsync(string channelId, string conversationId) => index.FindAsync(channelId, conversationId);

    public Task ChangeAsync(string channelId, string conversationId, Func<ConversationSummary, ConversationSummary> change)
        => writer.WriteAsync(db =>
        {
            index.Change(db, channelId, conversationId, change);
            return true;
        }, synced: false);

    public async Task<ConversationPage> FindAsync(ConversationQuery query)
    {
        var matches = await AllAsync(query).ConfigureAwait(false);
        var pageSize = Math.Clamp(query.PageSize, 1, 200);
        var page = Math.Max(1, query.Page);
        var skip = (long)(page - 1) * pageSize;
        return new ConversationPage(matches.Skip(skip >= matches.Count ? matches.Count : (int)skip).Take(pageSize).ToList(), matches.Count, page, pageSize);
    }

    /// <summary>Every matching conversation, newest first.</summary>
    public async Task<List<ConversationSummary>> AllAsync(ConversationQuery query)
    {
        var needle = string.IsNullOrWhiteSpace(query.Search) ? null : query.Search.Trim();
        var terms = needle is null ? [] : SearchTerms.Of(needle).Distinct(StringComparer.Ordinal).ToList();
        var from = query.From?.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var to = query.To?.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var matches = await index.ReadAsync(mirror =>
        {
            var written = mirror.WithAllTerms(terms);
            var found = new List<ConversationSummary>();
            foreach (var (number, s) in mirror.All())
            {
                if (!s.AgentsThread
                    && (from is null || s.LastUtc >= from)
                    && (to is null || s.FirstUtc < to)
                    && (query.Channel is null || s.ChannelId == query.Channel)
                    && (query.Outcome is null || s.Has(query.Outcome))
                    && (query.Agent is null || s.Agents.Contains(query.Agent))
                    && (query.Language is null || s.Language == query.Language)
                    && (query.Rating is null || s.Rating == query.Rating)
                    && (needle is null || (written?.Contains(number) ?? false) || Names(s, needle)))
                {
                    found.Add(s);
                }
            }
            return found;
        }).ConfigureAwait(false);
        var newest = matches.ConvertAll(s => -s.LastUtc.Ticks).ToArray();
        var ordered = matches.ToArray();
        Array.Sort(newest, ordered);
        return [.. ordered];
    }

    /// <summary>The channels, agents and languages that occur, for the filter menus.</summary>
    public Task<(IReadOnlyList<string> Channels, IReadOnlyList<string> Agents, IReadOnlyList<string> Languages)> FacetsAsync()
        => index.ReadAsync<(IReadOnlyList<string>, IReadOnlyList<string>, IReadOnlyList<string>)>(mirror => ([.. mirror.Channels], [.. mirror.Agents], [.. mirror.Languages]));

    private static bool Names(ConversationSummary summary, string needle)
        => Has(summary.CustomerId, needle) || Has(summary.CustomerName, needle) || Has(summary.CaseReference, needle) || Has(summary.ConversationId, needle)
           || summary.Bookings.Any(b => b.Equals(needle, StringComparison.OrdinalIgnoreCase));

    private static bool Has(string? value, string needle) => value is not null && value.Contains(needle, StringComparison.OrdinalIgnoreCase);
}

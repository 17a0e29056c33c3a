using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CustomerCare.Bot.Supervisors.Pages;

/// <summary>The conversation list: search, filters, newest first, paged.</summary>
public sealed class IndexModel(IConversationList search, TranscriptAccessLog access) : PageModel
{
    public ConversationQuery Query { get; private set; } = new();

    public ConversationPage Results { get; private set; } = new([], 0, 1, ConversationQuery.DefaultPageSize);

    public IReadOnlyList<string> Channels { get; private set; } = [];

    public IReadOnlyList<string> Agents { get; private set; } = [];

    public IReadOnlyList<string> Languages { get; private set; } = [];

    public async Task OnGetAsync()
    {
        Query = SupervisorQueryString.Parse(Request.Query);
        Results = await search.FindAsync(Query).ConfigureAwait(false);
        // The list shows each conversation's first message: a read of transcripts, logged like the others.
        await access.RecordAsync(User, $"listed{Request.QueryString} ({Results.Items.Count} shown)", "*").ConfigureAwait(false);
        (Channels, Agents, Languages) = await search.FacetsAsync().ConfigureAwait(false);
    }

    public Dictionary<string, string?> PageLink(int page) => SupervisorQueryString.ToRouteValues(Query, page);

    public static string OutcomeLabel(string outcome) => outcome switch
    {
        Outcomes.Granted => "Granted",
        Outcomes.HandedOff => "Handed off",
        _ => "Abandoned",
    };
}

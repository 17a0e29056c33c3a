using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CustomerCare.Bot.Supervisors.Pages;

/// <summary>Who read or exported which transcript, and when — the most recent 500.</summary>
public sealed class AccessLogModel(TranscriptAccessLog log) : PageModel
{
    public IReadOnlyList<TranscriptAccess> Entries { get; private set; } = [];

    public async Task OnGetAsync() => Entries = await log.RecentAsync(500, HttpContext.RequestAborted).ConfigureAwait(false);
}

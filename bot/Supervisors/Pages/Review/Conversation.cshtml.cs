using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CustomerCare.Bot.Supervisors.Pages;

/// <summary>One conversation as it happened, with its hand-off events and ledger entries, and the supervisors' reviews.</summary>
public sealed class ConversationModel(IConversationList list, ConversationTimeline timeline, ISupervisorReviews reviews, TranscriptAccessLog access) : PageModel
{
    public ConversationSummary Summary { get; private set; } = new(string.Empty, string.Empty);

    public IReadOnlyList<TimelineItem> Items { get; private set; } = [];

    public IReadOnlyList<SupervisorReview> Reviews { get; private set; } = [];

    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(string channel, string id)
    {
        if (await list.FindAsync(channel, id).ConfigureAwait(false) is not { } summary)
        {
            return NotFound();
        }
        await access.RecordAsync(User, "viewed", channel + "/" + id).ConfigureAwait(false);
        await LoadAsync(summary).ConfigureAwait(false);
        return Page();
    }

    public async Task<IActionResult> OnPostReviewAsync(string channel, string id, int? score, string? note)
    {
        if (await list.FindAsync(channel, id).ConfigureAwait(false) is not { } summary)
        {
            return NotFound();
        }
        note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        if (score is not null and not (>= 1 and <= 5) || (score is null && note is null) || note?.Length > 2000)
        {
            Error = "Give a score from 1 to 5, a note (up to 2,000 characters), or both.";
            await access.RecordAsync(User, "viewed", channel + "/" + id).ConfigureAwait(false);
            await LoadAsync(summary).ConfigureAwait(false);
            return Page();
        }
        await reviews.AddAsync(channel, id, SupervisorUser.NameOf(User), score, note).ConfigureAwait(false);
        return RedirectToPage(new { channel, id });
    }

    private async Task LoadAsync(ConversationSummary summary)
    {
        Summary = summary;
        Items = await timeline.ForAsync(summary.ChannelId, summary.ConversationId, HttpContext.RequestAborted).ConfigureAwait(false);
        Reviews = await reviews.ForAsync(summary.ChannelId, summary.ConversationId, HttpContext.RequestAborted).ConfigureAwait(false);
    }
}

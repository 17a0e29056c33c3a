using CustomerCare.Bot.Storage;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CustomerCare.Bot.Supervisors.Pages;

/// <summary>The full conversation behind a case, for the agent who follows the link on its Teams card (and supervisors).</summary>
public sealed class CaseTranscriptModel(LiteDbCaseStore cases, ConversationTimeline timeline, TranscriptAccessLog access) : PageModel
{
    public string Reference { get; private set; } = string.Empty;

    public CaseHistory? Case { get; private set; }

    public IReadOnlyList<TimelineItem> Items { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string reference, CancellationToken cancellationToken)
    {
        if (await cases.FindAsync(reference, cancellationToken).ConfigureAwait(false) is not { } file)
        {
            return NotFound();
        }
        await access.RecordAsync(SupervisorUser.NameOf(User), "viewed case " + reference, file.ChannelId + "/" + file.ConversationId).ConfigureAwait(false);
        Reference = reference;
        Case = cases.ForConversation(file.ChannelId, file.ConversationId).FirstOrDefault(c => c.Case.Reference == reference);
        Items = timeline.For(file.ChannelId, file.ConversationId);
        return Page();
    }
}

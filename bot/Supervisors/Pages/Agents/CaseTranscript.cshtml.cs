using CustomerCare.Cases;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CustomerCare.Bot.Supervisors.Pages;

/// <summary>The full conversation behind a case, for the agent who follows the link on its Teams card (and supervisors).</summary>
public sealed class CaseTranscriptModel(ICaseStore cases, ConversationTimeline timeline, TranscriptAccessLog access, Microsoft.Extensions.Options.IOptions<SupervisorOptions> options) : PageModel
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
        Case = (await cases.ForConversationAsync(file.ChannelId, file.ConversationId, cancellationToken).ConfigureAwait(false)).FirstOrDefault(c => c.Case.Reference == reference);
        // An agent reads a case that is still waiting for someone, or one they hold; supervisors read every case.
        if (!User.IsInRole(options.Value.Role) && !(Case?.Status == CaseStatus.Open || (Case?.AgentId is { } holder && holder == SupervisorUser.ObjectIdOf(User))))
        {
            await access.RecordAsync(User, "refused case " + reference, file.ChannelId + "/" + file.ConversationId).ConfigureAwait(false);
            return Forbid();
        }
        await access.RecordAsync(User, "viewed case " + reference, file.ChannelId + "/" + file.ConversationId).ConfigureAwait(false);
        Reference = reference;
        Items = await timeline.ForAsync(file.ChannelId, file.ConversationId, cancellationToken).ConfigureAwait(false);
        return Page();
    }
}

using CustomerCare.Bot.Teams;
using CustomerCare.Grants;
using CustomerCare.Ledger;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CustomerCare.Bot.Supervisors.Pages;

/// <summary>
/// Grants agents asked for above their authority. A supervisor approves (the grant is recorded with requester and
/// approver) or declines; nobody approves their own request, and each request is decided once.
/// </summary>
public sealed class ApprovalsModel(IApprovalStore approvals, CompensationGrants grants, ApprovalNotices notices) : PageModel
{
    public IReadOnlyList<ApprovalRequest> Requests { get; private set; } = [];

    public string? Message { get; private set; }

    public bool Failed { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
        => Requests = await approvals.ListAsync(50, cancellationToken).ConfigureAwait(false);

    public async Task<IActionResult> OnPostApproveAsync(string? id, CancellationToken cancellationToken)
    {
        if (id is null || await approvals.FindAsync(id, cancellationToken).ConfigureAwait(false) is not { } request)
        {
            return await ShowAsync($"There is no approval request {id}.", failed: true, cancellationToken).ConfigureAwait(false);
        }
        var supervisor = SupervisorUser.ActorOf(User, request.RequestedBy);
        var outcome = await grants.ApproveAsync(request.Id, supervisor, cancellationToken).ConfigureAwait(false);
        if (outcome is GrantOutcome.Granted granted)
        {
            await notices.TellAsync(request, supervisor, $"approved and granted {AgentReplies.Amounts(granted.Entry.Remedies)} ({granted.Entry.Reference})", granted.Entry, cancellationToken).ConfigureAwait(false);
            return await ShowAsync($"Approved {request.Id}: granted {AgentReplies.Amounts(granted.Entry.Remedies)}, reference {granted.Entry.Reference}.", failed: false, cancellationToken).ConfigureAwait(false);
        }
        return await ShowAsync($"{request.Id} was not granted: " + AgentReplies.For(outcome, string.Empty), failed: true, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IActionResult> OnPostDeclineAsync(string? id, string? note, CancellationToken cancellationToken)
    {
        if (note?.Length > 500)
        {
            return await ShowAsync("A note is at most 500 characters.", failed: true, cancellationToken).ConfigureAwait(false);
        }
        if (id is null || await approvals.FindAsync(id, cancellationToken).ConfigureAwait(false) is not { } request)
        {
            return await ShowAsync($"There is no approval request {id}.", failed: true, cancellationToken).ConfigureAwait(false);
        }
        var supervisor = SupervisorUser.ActorOf(User, request.RequestedBy);
        var (decided, refusal) = await grants.DeclineAsync(request.Id, supervisor, note, cancellationToken).ConfigureAwait(false);
        if (refusal is not null || decided is null)
        {
            return await ShowAsync($"{request.Id} was not declined: {AgentReplies.Why(refusal ?? GrantRefusal.ApprovalNotFound)}", failed: true, cancellationToken).ConfigureAwait(false);
        }
        await notices.TellAsync(decided, supervisor, "declined" + (decided.Note is { } why ? $" ({why})" : string.Empty) + "; nothing was granted", null, cancellationToken).ConfigureAwait(false);
        return await ShowAsync($"Declined {request.Id}; nothing was granted.", failed: false, cancellationToken).ConfigureAwait(false);
    }

    private async Task<IActionResult> ShowAsync(string message, bool failed, CancellationToken cancellationToken)
    {
        Message = message;
        Failed = failed;
        Requests = await approvals.ListAsync(50, cancellationToken).ConfigureAwait(false);
        if (failed)
        {
            Response.StatusCode = StatusCodes.Status409Conflict;
        }
        return Page();
    }
}

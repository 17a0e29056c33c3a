using CustomerCare.Payouts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CustomerCare.Bot.Supervisors.Pages;

/// <summary>
/// What finance has not paid yet, and what went wrong: failed instructions (a supervisor sends one again, under its
/// grant's reference), rejected ones with finance's reason, those waiting and those sent; each list downloads as CSV.
/// </summary>
public sealed class PayoutsModel(IPayoutStore payouts, TimeProvider clock) : PageModel
{
    /// <summary>How many instructions each list shows.</summary>
    public const int Shown = 200;

    public IReadOnlyList<PayoutState> Failed { get; private set; } = [];

    public IReadOnlyList<PayoutState> Rejected { get; private set; } = [];

    public IReadOnlyList<PayoutState> Waiting { get; private set; } = [];

    public IReadOnlyList<PayoutState> Sent { get; private set; } = [];

    public string? Message { get; private set; }

    public bool IsError { get; private set; }

    public Task OnGetAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostRetryAsync(string? reference, CancellationToken cancellationToken)
    {
        var before = reference is null ? null : await payouts.FindAsync(reference, cancellationToken).ConfigureAwait(false);
        var retried = before is { Status: PayoutStatus.Failed } ? await payouts.RetryAsync(before.Reference, clock.GetUtcNow().UtcDateTime, cancellationToken).ConfigureAwait(false) : null;
        (Message, IsError) = (before, retried) switch
        {
            (null, _) => ($"There is no payout instruction {reference}.", true),
            (_, { Status: PayoutStatus.Waiting }) => ($"{reference} will be delivered again, under the same idempotency key.", false),
            _ => ($"{reference} is {(retried ?? before).Status.ToString().ToLowerInvariant()}, not failed: nothing to retry.", true),
        };
        if (IsError)
        {
            Response.StatusCode = StatusCodes.Status409Conflict;
        }
        await LoadAsync(cancellationToken).ConfigureAwait(false);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Failed = await payouts.ListAsync([PayoutStatus.Failed], Shown, cancellationToken).ConfigureAwait(false);
        Rejected = await payouts.ListAsync([PayoutStatus.Rejected], Shown, cancellationToken).ConfigureAwait(false);
        Waiting = await payouts.ListAsync([PayoutStatus.Waiting], Shown, cancellationToken).ConfigureAwait(false);
        Sent = await payouts.ListAsync([PayoutStatus.Sent], Shown, cancellationToken).ConfigureAwait(false);
    }
}

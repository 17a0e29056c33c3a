using CustomerCare.Payouts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using CustomerCare.Bot.Payouts;

namespace CustomerCare.Bot.Supervisors.Pages;

/// <summary>
/// What finance has not paid yet, and what went wrong: failed instructions (a supervisor sends one again, under its
/// grant's reference), rejected ones with finance's reason, those waiting and those sent; each list downloads as CSV.
/// </summary>
public sealed class PayoutsModel(IPayoutStore payouts, TimeProvider clock, IOptions<PayoutOptions> options, TranscriptAccessLog access) : PageModel
{
    /// <summary>How many instructions each list shows.</summary>
    public const int Shown = 200;

    /// <summary>The most transfers one SEPA file holds; more wait for the next file.</summary>
    public const int MaxTransfersPerFile = 5_000;

    /// <summary>Whether instructions go to finance's webhook (then no SEPA file is made here).</summary>
    public bool WebhookDelivers => !string.IsNullOrWhiteSpace(options.Value.WebhookUrl);

    public bool DebtorSet => options.Value.SepaDebtor is not null;

    /// <summary>Waiting bank transfers in euros, of those shown: what the next SEPA file holds.</summary>
    public int SepaTransfersWaiting => Waiting.Count(p => p.GoesInSepaFile);

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

    /// <summary>Hands the waiting SEPA transfers to finance in one pain.001 file, and downloads it; the file can be downloaded again, the transfers are in no later file.</summary>
    public async Task<IActionResult> OnPostSepaFileAsync(CancellationToken cancellationToken)
    {
        (Message, IsError) = (WebhookDelivers, DebtorSet) switch
        {
            (true, _) => ("Finance's webhook takes the instructions (Payouts:WebhookUrl is set): no file is made here.", true),
            (_, false) => ("Set Payouts:SepaDebtorName and Payouts:SepaDebtorIban (the account transfers are paid from) to make SEPA files.", true),
            _ => (null, false),
        };
        if (!IsError)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var batch = $"CC{now:yyyyMMddHHmmss}-{Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(4))}";
            var debtor = options.Value.SepaDebtor!;
            var handed = await payouts.HandOverAsync(batch, now, MaxTransfersPerFile, transfers => SepaCreditTransferFile.Write(batch, debtor, transfers), cancellationToken).ConfigureAwait(false);
            if (handed.Count > 0)
            {
                await access.RecordAsync(User, $"handed {handed.Count} transfers to finance in the SEPA file {batch}", "*").ConfigureAwait(false);
                return Redirect($"/supervisors/payouts/sepa/{batch}.xml");
            }
            (Message, IsError) = ("No bank transfer in euros is waiting: nothing to hand over.", true);
        }
        Response.StatusCode = StatusCodes.Status409Conflict;
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

using CustomerCare.Ledger;
using CustomerCare.Payouts;
using CustomerCare.Builder;
using CustomerCare.Dialogs;
using CustomerCare.Dialogs.Prompts;
using CustomerCare.Grants;
using CustomerCare.Localization;
using CustomerCare.Operations;

namespace CustomerCare.Conversation;

/// <summary>
/// "Did I already get something?" and "Where is my money?" — answered from the ledger, whatever channel granted it,
/// and from each grant's payout: being prepared, instructed, paid on a date, or rejected with the reason and what to
/// do next.
/// </summary>
public sealed class CompensationStatusDialog : ComponentDialog
{
    private const string ReferencePrompt = "status.reference";
    private const string LastNamePrompt = "status.lastName";
    private const string FirstNamePrompt = "status.firstName";
    private readonly CompensationGrants _grants;
    private readonly IPayoutStore? _payouts;
    private readonly PayoutPromise _promise;

    public CompensationStatusDialog(CompensationGrants grants, IPayoutStore? payouts = null, PayoutPromise? promise = null)
        : base(nameof(CompensationStatusDialog))
    {
        _grants = grants;
        _payouts = payouts;
        _promise = promise ?? PayoutPromise.Default;
        AddDialog(new WaterfallDialog<DisruptionReport>("status.steps", [AskReferenceAsync, AskLastNameAsync, AskFirstNameIfSharedAsync, AnswerAsync]));
        AddDialog(new TextPrompt(ReferencePrompt, (prompt, _) => Task.FromResult(BookingReferences.Normalize(prompt.Recognized.Value) is not null)));
        AddDialog(new TextPrompt(LastNamePrompt, (prompt, _) => Task.FromResult(prompt.Recognized.Value?.Any(char.IsLetter) == true)));
        AddDialog(new TextPrompt(FirstNamePrompt, (prompt, _) => Task.FromResult(prompt.Recognized.Value?.Any(char.IsLetter) == true)));
    }

    private static Task<DialogTurnResult> AskReferenceAsync(WaterfallStepContext<DisruptionReport> step, CancellationToken cancellationToken)
        => TravellerSteps.AskReferenceAsync(step, ReferencePrompt, nameof(Strings.StatusAskReference), cancellationToken);

    private static Task<DialogTurnResult> AskLastNameAsync(WaterfallStepContext<DisruptionReport> step, CancellationToken cancellationToken)
        => TravellerSteps.AskLastNameAsync(step, LastNamePrompt, cancellationToken);

    /// <summary>Each traveller sees their own grants only: where travellers share the last name, the first name tells them apart.</summary>
    private Task<DialogTurnResult> AskFirstNameIfSharedAsync(WaterfallStepContext<DisruptionReport> step, CancellationToken cancellationToken)
        => SharedLastNameStep.AskFirstNameIfSharedAsync(step, _grants.Operations, FirstNamePrompt, cancellationToken);

    private async Task<DialogTurnResult> AnswerAsync(WaterfallStepContext<DisruptionReport> step, CancellationToken cancellationToken)
    {
        var (lastName, firstName) = (step.Flow.LastName ?? string.Empty, (step.Result as string)?.Trim());
        var reference = step.Flow.BookingReference!;
        var booking = await _grants.Operations.FindBookingAsync(reference, cancellationToken).ConfigureAwait(false);
        var matching = booking is null ? [] : Travellers.Matching(booking, lastName, firstName);
        if (matching.Count != 1)
        {
            var name = firstName is null ? lastName : firstName + " " + lastName;
            await step.Context.SendActivityAsync(MessageFactory.Text(step.Context.Text(matching.Count > 1 ? nameof(Strings.StatusTravellersAlike) : nameof(Strings.BookingNotFound), reference, name)), cancellationToken).ConfigureAwait(false);
            return await step.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
        }
        var passenger = matching[0];

        var culture = step.Context.Culture();
        var entries = (await _grants.Ledger.ForBookingAsync(reference, cancellationToken).ConfigureAwait(false))
            .Where(e => e.Subject.PassengerId == passenger.PassengerId).ToList();
        var lines = new List<string>();
        foreach (var e in entries)
        {
            var line = "• " + step.Context.Text(nameof(Strings.StatusEntry),
                RemedyTexts.Total(e.Remedies.Select(r => (r.Amount, r.Currency)), culture), e.GrantedUtc.ToString("d", culture),
                e.Subject.FlightNumber, e.Subject.ScheduledDate.ToString("d", culture), DataNames.Channel(e.GrantedBy.Channel, culture), e.Reference);
            if (await PayoutLineAsync(step.Context, e, cancellationToken).ConfigureAwait(false) is { } payout)
            {
                line += "; " + payout;
            }
            foreach (var voucher in e.Remedies.Where(r => r.AsVoucher))
            {
                // Masked: whoever has the code can use it, and this answer only needs the booking and a name.
                line += "; " + step.Context.Text(nameof(Strings.StatusVoucher), Masked(voucher.VoucherCode),
                    Localization.Money.Format(voucher.VoucherValue ?? voucher.Amount, voucher.Currency, culture), voucher.VoucherValidUntil?.ToString("d", culture));
            }
            lines.Add(line);
        }
        var text = entries.Count == 0
            ? step.Context.Text(nameof(Strings.StatusNothing), reference)
            : step.Context.Text(nameof(Strings.StatusIntro), reference) + "\n" + string.Join("\n", lines);
        await step.Context.SendActivityAsync(MessageFactory.Text(text), cancellationToken).ConfigureAwait(false);
        return await step.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
    }

    private static string Masked(string? code) => code is { Length: > 8 } ? code[..6] + "••••-••••-" + code[^4..] : "—";

    /// <summary>Where a grant's money is; none for a grant without a payout (vouchers only, or from before payouts).</summary>
    private async Task<string?> PayoutLineAsync(ITurnContext context, LedgerEntry entry, CancellationToken cancellationToken)
    {
        if (_payouts is null || await _payouts.FindAsync(entry.Reference, cancellationToken).ConfigureAwait(false) is not { } payout)
        {
            return null;
        }
        var culture = context.Culture();
        var expected = entry.GrantedUtc.AddDays(_promise.PaidWithinDays).ToString("d", culture);
        var line = payout.Status switch
        {
            PayoutStatus.Waiting => context.Text(nameof(Strings.StatusPayoutWaiting), expected),
            PayoutStatus.Sent => context.Text(nameof(Strings.StatusPayoutSent), (payout.SentUtc ?? entry.GrantedUtc).ToString("d", culture), expected),
            PayoutStatus.Paid => context.Text(nameof(Strings.StatusPayoutPaid), (payout.PaidOn ?? DateOnly.FromDateTime(entry.GrantedUtc)).ToString("d", culture)),
            PayoutStatus.Rejected => context.Text(nameof(Strings.StatusPayoutRejected), payout.Reason ?? "—"),
            _ => context.Text(nameof(Strings.StatusPayoutFailed)),
        };
        return payout.Instruction.Account is { } account && payout.Status != PayoutStatus.Rejected
            ? line + " " + context.Text(nameof(Strings.StatusPayoutAccount), account.Masked)
            : line;
    }
}

using CustomerCare.Builder;
using CustomerCare.Dialogs;
using CustomerCare.Dialogs.Prompts;
using CustomerCare.Localization;
using CustomerCare.Payouts;

namespace CustomerCare.Conversation;

/// <summary>The second half of a change to bank transfer: once the code is right, the account, and the change itself.</summary>
public sealed partial class BankTransferDialog
{
    private static async Task<DialogTurnResult> AskIbanAsync(WaterfallStepContext<BankTransferFlow> step, CancellationToken cancellationToken)
    {
        switch (step.Result)
        {
            case CodeVerdict.Correct:
                return await step.PromptAsync(IbanPrompt, new PromptOptions
                {
                    Prompt = MessageFactory.Text(step.Context.Text(nameof(Strings.TransferAskIban))),
                    RetryPrompt = MessageFactory.Text(step.Context.Text(nameof(Strings.TransferIbanRetry))),
                    MaxAttempts = 3,
                }, cancellationToken).ConfigureAwait(false);
            case CodeVerdict.Expired:
                return await EndSayingAsync(step, nameof(Strings.TransferCodeExpired), cancellationToken).ConfigureAwait(false);
            default:
                return await EndSayingAsync(step, nameof(Strings.TransferCodeNoTriesLeft), cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task<DialogTurnResult> AskHolderAsync(WaterfallStepContext<BankTransferFlow> step, CancellationToken cancellationToken)
    {
        if (!Iban.TryFind(step.Result as string, out var iban))
        {
            return await EndSayingAsync(step, nameof(Strings.TransferIbanGaveUp), cancellationToken).ConfigureAwait(false);
        }
        step.Flow.Iban = iban.Value;
        return await step.PromptAsync(HolderPrompt, new PromptOptions
        {
            Prompt = MessageFactory.Text(step.Context.Text(nameof(Strings.TransferAskHolder))),
            RetryPrompt = MessageFactory.Text(step.Context.Text(nameof(Strings.TransferHolderRetry), BankAccount.MaxHolderLength)),
            MaxAttempts = 3,
        }, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<DialogTurnResult> ConfirmAsync(WaterfallStepContext<BankTransferFlow> step, CancellationToken cancellationToken)
    {
        var flow = step.Flow;
        if (BankAccount.HolderName(step.Result as string) is not { } holder || !Iban.TryParse(flow.Iban, out var iban))
        {
            flow.Iban = null;
            return await EndSayingAsync(step, nameof(Strings.TransferIbanGaveUp), cancellationToken).ConfigureAwait(false);
        }
        flow.Holder = holder;
        return await step.PromptAsync(ConfirmPrompt, new PromptOptions
        {
            Prompt = MessageFactory.Text(step.Context.Text(nameof(Strings.TransferConfirm), flow.Total, string.Join(", ", flow.References), iban.Masked, holder)),
        }, cancellationToken).ConfigureAwait(false);
    }

    private async Task<DialogTurnResult> ChangeAsync(WaterfallStepContext<BankTransferFlow> step, CancellationToken cancellationToken)
    {
        var flow = step.Flow;
        var account = flow.Iban is { } value && flow.Holder is { } holder ? new BankAccount(value, holder) : null;
        flow.Iban = null;
        if (step.Result is not true || account is null)
        {
            return await EndSayingAsync(step, nameof(Strings.TransferDeclined), cancellationToken).ConfigureAwait(false);
        }
        var now = _clock.GetUtcNow().UtcDateTime;
        var changed = new List<string>();
        var unchanged = new List<string>();
        foreach (var reference in flow.References)
        {
            var outcome = await _payouts.ChangeAccountAsync(reference, account, now, cancellationToken).ConfigureAwait(false);
            (outcome is AccountChange.Changed ? changed : unchanged).Add(reference);
        }
        var culture = step.Context.Culture();
        if (changed.Count > 0)
        {
            var expected = DateOnly.FromDateTime(now.AddDays(_promise.PaidWithinDays)).ToString("d", culture);
            await Say(step, nameof(Strings.TransferChanged), string.Join(", ", changed), account.Masked, expected).ConfigureAwait(false);
        }
        if (unchanged.Count > 0)
        {
            await Say(step, nameof(Strings.TransferNotChanged), string.Join(", ", unchanged)).ConfigureAwait(false);
        }
        return await step.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
    }
}

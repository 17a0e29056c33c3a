using System.Globalization;
using CustomerCare.Builder;
using CustomerCare.Dialogs;
using CustomerCare.Dialogs.Prompts;
using CustomerCare.Ledger;
using CustomerCare.Localization;
using CustomerCare.Remedies;
using CustomerCare.Schema;

namespace CustomerCare.Conversation;

/// <summary>One receipt after another: what for, the amount, the file; "done" ends the list.</summary>
public sealed partial class CareReceiptsDialog
{
    private static Task<DialogTurnResult> AskExpenseAsync(WaterfallStepContext<CareReceiptsFlow> step, CancellationToken cancellationToken)
    {
        var culture = step.Context.Culture();
        if (step.Flow.Receipts.Count >= CareReceiptsFlow.MaxReceipts)
        {
            return step.EndDialogAsync(step.Flow.Receipts, cancellationToken);
        }
        var choices = Enum.GetValues<CareExpense>().Select(e => new Choice(e.ToString(), ExpenseLabel(e, culture), BotText.Words(culture, "Expense." + e + ".Words"))).ToList();
        if (step.Flow.Receipts.Count > 0)
        {
            choices.Add(new Choice(Done, BotText.Get(culture, nameof(Strings.ReceiptsDone)), BotText.Words(culture, nameof(Strings.ReceiptsDoneWords))));
        }
        return step.PromptAsync(ExpensePrompt, new PromptOptions
        {
            Prompt = MessageFactory.Text(step.Context.Text(step.Flow.Receipts.Count == 0 ? nameof(Strings.ReceiptsAskExpense) : nameof(Strings.ReceiptsAskNext))),
            RetryPrompt = MessageFactory.Text(step.Context.Text(nameof(Strings.ChoiceRetry))),
            Choices = choices,
            MaxAttempts = 3,
        }, cancellationToken);
    }

    private static Task<DialogTurnResult> AskAmountAsync(WaterfallStepContext<CareReceiptsFlow> step, CancellationToken cancellationToken)
    {
        if (step.Result is not FoundChoice { Value: var value } || !Enum.TryParse<CareExpense>(value, out var expense))
        {
            return step.EndDialogAsync(step.Flow.Receipts, cancellationToken);
        }
        step.Flow.Expense = expense;
        return step.PromptAsync(AmountPrompt, new PromptOptions
        {
            Prompt = MessageFactory.Text(step.Context.Text(nameof(Strings.ReceiptsAskAmount), step.Flow.Currency)),
            RetryPrompt = MessageFactory.Text(step.Context.Text(nameof(Strings.ReceiptsAmountRetry), step.Flow.Currency)),
            MaxAttempts = 3,
        }, cancellationToken);
    }

    private static Task<DialogTurnResult> AskFileAsync(WaterfallStepContext<CareReceiptsFlow> step, CancellationToken cancellationToken)
    {
        if (step.Result is not decimal amount)
        {
            step.Flow.Expense = null;
            return step.RestartAsync(cancellationToken);
        }
        step.Flow.Amount = amount;
        return step.PromptAsync(FilePrompt, new PromptOptions
        {
            Prompt = MessageFactory.Text(step.Context.Text(nameof(Strings.ReceiptsAskFile))),
            RetryPrompt = MessageFactory.Text(step.Context.Text(nameof(Strings.ReceiptsFileRetry))),
            MaxAttempts = 3,
        }, cancellationToken);
    }

    private static async Task<DialogTurnResult> KeepAsync(WaterfallStepContext<CareReceiptsFlow> step, CancellationToken cancellationToken)
    {
        var flow = step.Flow;
        if (step.Result is Attachment file && UploadLinks.IdOf(file.ContentUrl) is { } upload && flow is { Expense: { } expense, Amount: { } amount })
        {
            // Kept small and the bot's own: the name cut, the type the prompt read, the link rebuilt from the upload id.
            var name = string.Concat((string.IsNullOrWhiteSpace(file.Name) ? "receipt" : file.Name.Trim()).Where(c => !char.IsControl(c)));
            flow.Receipts.Add(new CareReceipt(expense, amount, flow.Currency, name.Length > 100 ? name[..100] : name, file.ContentType ?? "application/octet-stream",
                UploadLinks.For(upload)));
        }
        else
        {
            await step.Context.SendActivityAsync(MessageFactory.Text(step.Context.Text(nameof(Strings.ReceiptsFileGaveUp))), CancellationToken.None).ConfigureAwait(false);
        }
        (flow.Expense, flow.Amount) = (null, null);
        return await step.RestartAsync(cancellationToken).ConfigureAwait(false);
    }
}

using System.Globalization;
using CustomerCare.Builder;
using CustomerCare.Cases;
using CustomerCare.Dialogs;
using CustomerCare.Dialogs.Prompts;
using CustomerCare.Grants;
using CustomerCare.Ledger;
using CustomerCare.Localization;
using CustomerCare.Operations;
using CustomerCare.Payouts;
using CustomerCare.Remedies;
using CustomerCare.Schema;

namespace CustomerCare.Conversation;

/// <summary>
/// Care against receipts, for the disruption the conversation identified: the caps the policy gives (per hour
/// waited, per night, per journey) → for each receipt what it was for, the amount and the file (image or PDF) →
/// the customer confirms → what fits is granted through the one grant path, with the receipts; the rest goes to a
/// person with them.
/// </summary>
public sealed partial class CareReceiptsDialog : ComponentDialog
{
    private const string ReceiptSteps = "receipts.each";
    private const string ExpensePrompt = "receipts.expense";
    private const string AmountPrompt = "receipts.amount";
    private const string FilePrompt = "receipts.file";
    private const string ConfirmPrompt = "receipts.confirm";
    private const string Done = "done";
    private const int MaxSummary = 2_000;
    private readonly CompensationGrants _grants;
    private readonly HandoffDesk _handoff;
    private readonly ConversationState<ConversationData> _conversationState;
    private readonly PayoutPromise _promise;

    public CareReceiptsDialog(CompensationGrants grants, HandoffDesk handoff, ConversationState<ConversationData> conversationState, PayoutPromise? promise = null)
        : base(nameof(CareReceiptsDialog))
    {
        _grants = grants;
        _handoff = handoff;
        _conversationState = conversationState;
        _promise = promise ?? PayoutPromise.Default;
        AddDialog(new WaterfallDialog<CareReceiptsFlow>("receipts.steps", [StartAsync, ConfirmAsync, GrantAsync]));
        AddDialog(new WaterfallDialog<CareReceiptsFlow>(ReceiptSteps, [AskExpenseAsync, AskAmountAsync, AskFileAsync, KeepAsync]));
        AddDialog(new ChoicePrompt(ExpensePrompt));
        AddDialog(new NumberPrompt<decimal>(AmountPrompt, (prompt, _) => Task.FromResult(prompt.Recognized.Value is > 0m and <= 10_000m && decimal.Round(prompt.Recognized.Value, 2) == prompt.Recognized.Value)));
        // A receipt is a file uploaded in this conversation through the bot's own Direct Line (Web Chat's attachment button):
        // its service lets no client name an upload itself, and no channel can send as that service.
        AddDialog(new AttachmentPrompt(FilePrompt, (prompt, _) => Task.FromResult(prompt.Context.Activity.ServiceUrl == OwnDirectLine.ServiceUrl
            && UploadLinks.IdOf(prompt.Recognized.Value?.ContentUrl) is not null)));
        AddDialog(new Dialogs.Prompts.ConfirmPrompt(ConfirmPrompt));
    }

    /// <summary>The claim the conversation identified, and whether care receipts can be paid back for it.</summary>
    private async Task<(DisruptionClaim? Claim, ReceiptsAssessment Assessment)> AssessAsync(CareReceiptsFlow flow, CancellationToken cancellationToken)
    {
        var claim = flow.PassengerId is null ? null
            : await _grants.IdentifyAsync(flow.BookingReference, flow.PassengerId, null, flow.JourneyFlight, IsoDates.Parse(flow.JourneyDate), DisruptionKinds.ToDomain(flow.Kind), cancellationToken).ConfigureAwait(false);
        return claim is null ? (null, new ReceiptsAssessment.FactsNotEstablished()) : (claim, await _grants.AssessReceiptsAsync(claim, cancellationToken).ConfigureAwait(false));
    }

    private async Task<DialogTurnResult> StartAsync(WaterfallStepContext<CareReceiptsFlow> step, CancellationToken cancellationToken)
    {
        var flow = step.Flow;
        var culture = step.Context.Culture();
        switch ((await AssessAsync(flow, cancellationToken).ConfigureAwait(false)).Assessment)
        {
            case ReceiptsAssessment.Open open:
                var caps = open.Caps;
                flow.Currency = caps.Currency;
                await Say(step.Context, nameof(Strings.ReceiptsCaps), Money.Format(caps.Meals, caps.Currency, culture), caps.HoursWaited.ToString("0.#", culture),
                    Money.Format(caps.Hotel, caps.Currency, culture), caps.Nights, Money.Format(caps.LocalTransport, caps.Currency, culture), caps.Rule).ConfigureAwait(false);
                return await step.BeginDialogAsync(ReceiptSteps, flow, cancellationToken).ConfigureAwait(false);
            case ReceiptsAssessment.AlreadyGranted already:
                return await EndSayingAsync(step, nameof(Strings.ReceiptsAlreadyGranted), cancellationToken, already.Entry.Reference, already.Entry.GrantedUtc.ToString("d", culture));
            case ReceiptsAssessment.NoneDue { FlatCare: true }:
                return await EndSayingAsync(step, nameof(Strings.ReceiptsFlatCare), cancellationToken);
            case ReceiptsAssessment.NoneDue:
                return await EndSayingAsync(step, nameof(Strings.ReceiptsNoCare), cancellationToken);
            default:
                return await EndSayingAsync(step, nameof(Strings.ReceiptsReportFirst), cancellationToken);
        }
    }

    private async Task<DialogTurnResult> ConfirmAsync(WaterfallStepContext<CareReceiptsFlow> step, CancellationToken cancellationToken)
    {
        var flow = step.Flow;
        if (step.Result is List<CareReceipt> receipts)
        {
            flow.Receipts = receipts;
        }
        if (flow.Receipts.Count == 0)
        {
            return await EndSayingAsync(step, nameof(Strings.ReceiptsNone), cancellationToken);
        }
        var culture = step.Context.Culture();
        var lines = flow.Receipts.Select(r => "• " + BotText.Format(culture, nameof(Strings.ReceiptLine), ExpenseLabel(r.Expense, culture), Money.Format(r.Amount, r.Currency, culture), r.FileName));
        return await step.PromptAsync(ConfirmPrompt, new PromptOptions
        {
            Prompt = MessageFactory.Text(step.Context.Text(nameof(Strings.ReceiptsConfirm), string.Join("\n", lines),
                Money.Format(flow.Receipts.Sum(r => r.Amount), flow.Currency, culture))),
        }, cancellationToken).ConfigureAwait(false);
    }

    private async Task<DialogTurnResult> GrantAsync(WaterfallStepContext<CareReceiptsFlow> step, CancellationToken cancellationToken)
    {
        var flow = step.Flow;
        if (step.Result is not true)
        {
            return await EndSayingAsync(step, nameof(Strings.ReceiptsDeclined), cancellationToken);
        }
        var culture = step.Context.Culture();
        var (claim, _) = await AssessAsync(flow, cancellationToken).ConfigureAwait(false);
        if (claim is null)
        {
            return await EndSayingAsync(step, nameof(Strings.ReceiptsReportFirst), cancellationToken);
        }
        var activity = step.Context.Activity;
        var bot = new GrantActor(ActorKind.Bot, activity.Recipient?.Id ?? "bot", activity.Recipient?.Name, activity.ChannelId ?? "unknown", activity.Conversation?.Id ?? "unknown");
        var decision = await _grants.GrantReceiptsAsync(claim, bot, flow.Receipts, cancellationToken).ConfigureAwait(false);
        switch (decision.Outcome)
        {
            case GrantOutcome.Granted granted:
                await Say(step.Context, nameof(Strings.ReceiptsGranted), granted.Entry.Reference,
                    RemedyTexts.Total(decision.Within.Select(r => (r.Amount, r.Currency)), culture), _promise.PaidWithinDays).ConfigureAwait(false);
                break;
            case GrantOutcome.AlreadyGranted already:
                return await EndSayingAsync(step, nameof(Strings.ReceiptsAlreadyGranted), cancellationToken, already.Existing.Reference, already.Existing.GrantedUtc.ToString("d", culture));
        }
        if (decision.AboveCaps.Count == 0)
        {
            return await step.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
        }
        await Say(step.Context, nameof(Strings.ReceiptsForAPerson), Money.Format(decision.AboveAmount, flow.Currency, culture)).ConfigureAwait(false);
        var conversation = await _conversationState.LoadAsync(step.Context, cancellationToken).ConfigureAwait(false);
        var summary = "Care receipts above the policy's caps: " + string.Join("; ", decision.AboveCaps.Select(r =>
            $"{r.Expense} {r.Amount.ToString("0.00", CultureInfo.InvariantCulture)} {r.Currency} ({r.FileName}: {r.ContentUrl})"));
        summary = summary.Length <= MaxSummary ? summary : summary[..MaxSummary] + "…";
        await _handoff.HandToPersonAsync(step.Context, conversation, CaseReason.PolicyNeedsPerson, conversation.LastReport, cancellationToken, summary).ConfigureAwait(false);
        return await step.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
    }

    private static string ExpenseLabel(CareExpense expense, CultureInfo culture) => BotText.Get(culture, "Expense." + expense);

    private static async Task<DialogTurnResult> EndSayingAsync(WaterfallStepContext<CareReceiptsFlow> step, string key, CancellationToken cancellationToken, params object?[] args)
    {
        await Say(step.Context, key, args).ConfigureAwait(false);
        return await step.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
    }

    private static Task Say(ITurnContext context, string key, params object?[] args)
        => context.SendActivityAsync(MessageFactory.Text(context.Text(key, args)), CancellationToken.None);
}

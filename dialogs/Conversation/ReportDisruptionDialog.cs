using CustomerCare.Builder;
using CustomerCare.Cases;
using CustomerCare.Dialogs;
using CustomerCare.Dialogs.Prompts;
using CustomerCare.Localization;

namespace CustomerCare.Conversation;

/// <summary>
/// Takes a disruption report: what happened, the booking reference and the passenger's last name, then, once the
/// customer confirms, opens a case for the care team. Three unreadable booking references hand over to a person.
/// </summary>
public sealed class ReportDisruptionDialog : ComponentDialog
{
    private const string KindPrompt = "disruption.kind";
    private const string ReferencePrompt = "disruption.reference";
    private const string LastNamePrompt = "disruption.lastName";
    private const string ConfirmReportPrompt = "disruption.confirm";
    private readonly HandoffDesk _handoff;
    private readonly ConversationState<ConversationData> _conversationState;

    public ReportDisruptionDialog(HandoffDesk handoff, ConversationState<ConversationData> conversationState)
        : base(nameof(ReportDisruptionDialog))
    {
        _handoff = handoff;
        _conversationState = conversationState;
        AddDialog(new WaterfallDialog<DisruptionReport>("disruption.steps", [AskKindAsync, AskReferenceAsync, AskLastNameAsync, ConfirmAsync, OpenCaseAsync]));
        AddDialog(new ChoicePrompt(KindPrompt));
        AddDialog(new TextPrompt(ReferencePrompt, (prompt, _) => Task.FromResult(BookingReferences.Normalize(prompt.Recognized.Value) is not null)));
        AddDialog(new TextPrompt(LastNamePrompt, (prompt, _) => Task.FromResult(prompt.Recognized.Value?.Any(char.IsLetter) == true)));
        AddDialog(new ConfirmPrompt(ConfirmReportPrompt));
    }

    private static Task<DialogTurnResult> AskKindAsync(WaterfallStepContext<DisruptionReport> step, CancellationToken cancellationToken)
    {
        if (step.Flow.Kind is not null)
        {
            return step.NextAsync(null, cancellationToken);
        }
        var culture = step.Context.Culture();
        return step.PromptAsync(KindPrompt, new PromptOptions
        {
            Prompt = MessageFactory.Text(step.Context.Text(nameof(Strings.AskDisruptionKind))),
            RetryPrompt = MessageFactory.Text(step.Context.Text(nameof(Strings.ChoiceRetry))),
            Choices = DisruptionKinds.Choices(culture),
        }, cancellationToken);
    }

    private static Task<DialogTurnResult> AskReferenceAsync(WaterfallStepContext<DisruptionReport> step, CancellationToken cancellationToken)
    {
        if (step.Result is FoundChoice kind)
        {
            step.Flow.Kind = kind.Value;
        }
        if (step.Flow.BookingReference is { } known)
        {
            return step.NextAsync(known, cancellationToken);
        }
        return step.PromptAsync(ReferencePrompt, new PromptOptions
        {
            Prompt = MessageFactory.Text(step.Context.Text(nameof(Strings.AskBookingReference))),
            RetryPrompt = MessageFactory.Text(step.Context.Text(nameof(Strings.BookingReferenceRetry))),
            MaxAttempts = 3,
        }, cancellationToken);
    }

    private async Task<DialogTurnResult> AskLastNameAsync(WaterfallStepContext<DisruptionReport> step, CancellationToken cancellationToken)
    {
        if (BookingReferences.Normalize(step.Result as string) is not { } reference)
        {
            step.Flow.NeedsPerson = true;
            await step.Context.SendActivityAsync(MessageFactory.Text(step.Context.Text(nameof(Strings.ReferenceGaveUp))), cancellationToken).ConfigureAwait(false);
            var conversation = await _conversationState.LoadAsync(step.Context, cancellationToken).ConfigureAwait(false);
            await _handoff.HandToPersonAsync(step.Context, conversation, CaseReason.RepeatedMisunderstanding, step.Flow, cancellationToken).ConfigureAwait(false);
            return await step.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
        }
        step.Flow.BookingReference = reference;
        return await step.PromptAsync(LastNamePrompt, new PromptOptions
        {
            Prompt = MessageFactory.Text(step.Context.Text(nameof(Strings.AskLastName))),
            RetryPrompt = MessageFactory.Text(step.Context.Text(nameof(Strings.LastNameRetry))),
        }, cancellationToken).ConfigureAwait(false);
    }

    private static Task<DialogTurnResult> ConfirmAsync(WaterfallStepContext<DisruptionReport> step, CancellationToken cancellationToken)
    {
        step.Flow.LastName = (step.Result as string)?.Trim();
        var culture = step.Context.Culture();
        var summary = step.Context.Text(nameof(Strings.ConfirmReport), DisruptionKinds.Label(step.Flow.Kind!, culture), step.Flow.BookingReference, step.Flow.LastName);
        return step.PromptAsync(ConfirmReportPrompt, new PromptOptions { Prompt = MessageFactory.Text(summary) }, cancellationToken);
    }

    private async Task<DialogTurnResult> OpenCaseAsync(WaterfallStepContext<DisruptionReport> step, CancellationToken cancellationToken)
    {
        if (step.Result is true)
        {
            var conversation = await _conversationState.LoadAsync(step.Context, cancellationToken).ConfigureAwait(false);
            var reference = await _handoff.RequestAsync(step.Context, CaseReason.DisruptionReported, step.Flow, cancellationToken).ConfigureAwait(false);
            conversation.OpenCaseReference = reference;
            await step.Context.SendActivityAsync(MessageFactory.Text(step.Context.Text(nameof(Strings.CaseOpened), reference)), cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await step.Context.SendActivityAsync(MessageFactory.Text(step.Context.Text(nameof(Strings.ReportDropped))), cancellationToken).ConfigureAwait(false);
        }
        return await step.EndDialogAsync(step.Flow, cancellationToken).ConfigureAwait(false);
    }
}

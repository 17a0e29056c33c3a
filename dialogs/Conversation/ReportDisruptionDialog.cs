using CustomerCare.Payouts;
using System.Globalization;
using CustomerCare.Builder;
using CustomerCare.Cases;
using CustomerCare.Dialogs;
using CustomerCare.Dialogs.Prompts;
using CustomerCare.Grants;
using CustomerCare.Localization;
using CustomerCare.Operations;

namespace CustomerCare.Conversation;

/// <summary>
/// A disruption report: what happened → the booking (record locator and last name, and the first name where
/// travellers share the last name; three failed matches hand over to a person) → the affected journey → who on the booking the claim is for → what the operations data shows → the ledger → the options the policy gives,
/// with reasons → the customer confirms → the grant through the one grant path, and the reference once it is durable.
/// </summary>
public sealed partial class ReportDisruptionDialog : ComponentDialog
{
    public const string StepsId = "disruption.steps";
    private const string KindPrompt = "disruption.kind";
    private const string ReferencePrompt = "disruption.reference";
    private const string LastNamePrompt = "disruption.lastName";
    private const string FirstNamePrompt = "disruption.firstName";
    private const string FlightPrompt = "disruption.flight";
    private const string WhoForPrompt = "disruption.whoFor";
    private const string ConfirmGrantPrompt = "disruption.confirmGrant";
    private const string MoneyOrVoucherPrompt = "disruption.moneyOrVoucher";
    private const int MaxIdentityAttempts = 3;
    private readonly HandoffDesk _handoff;
    private readonly ConversationState<ConversationData> _conversationState;
    private readonly CompensationGrants _grants;
    private readonly PayoutPromise _promise;

    public ReportDisruptionDialog(HandoffDesk handoff, ConversationState<ConversationData> conversationState, CompensationGrants grants, PayoutPromise? promise = null)
        : base(nameof(ReportDisruptionDialog))
    {
        _promise = promise ?? PayoutPromise.Default;
        _handoff = handoff;
        _conversationState = conversationState;
        _grants = grants;
        AddDialog(new WaterfallDialog<DisruptionReport>(StepsId,
            [AskKindAsync, AskReferenceAsync, AskLastNameAsync, AskFirstNameIfSharedAsync, IdentifyAsync, ChooseFlightAsync, AskWhoForAsync, AssessAsync, GrantAsync]));
        AddDialog(new DisruptionKindPrompt(KindPrompt));
        AddDialog(new TextPrompt(ReferencePrompt, (prompt, _) => Task.FromResult(BookingReferences.Normalize(prompt.Recognized.Value) is not null)));
        AddDialog(new TextPrompt(LastNamePrompt, (prompt, _) => Task.FromResult(prompt.Recognized.Value?.Any(char.IsLetter) == true)));
        AddDialog(new TextPrompt(FirstNamePrompt, (prompt, _) => Task.FromResult(prompt.Recognized.Value?.Any(char.IsLetter) == true)));
        AddDialog(new ChoicePrompt(FlightPrompt));
        AddDialog(new TravellersPrompt(WhoForPrompt));
        AddDialog(new ConfirmPrompt(ConfirmGrantPrompt));
        AddDialog(new ChoicePrompt(MoneyOrVoucherPrompt));
        AddBagDialogs();
    }

    private static Task<DialogTurnResult> AskKindAsync(WaterfallStepContext<DisruptionReport> step, CancellationToken cancellationToken)
    {
        if (step.Flow.Kind is not null)
        {
            return step.NextAsync(null, cancellationToken);
        }
        return step.PromptAsync(KindPrompt, new PromptOptions
        {
            Prompt = MessageFactory.Text(step.Flow.BookingReference is { } reference
                ? step.Context.Text(nameof(Strings.KindWithReference), reference)
                : step.Context.Text(nameof(Strings.AskDisruptionKind))),
            RetryPrompt = MessageFactory.Text(step.Context.Text(nameof(Strings.ChoiceRetry))),
            Choices = DisruptionKinds.Choices(step.Context.Culture()),
            // A disruption that is none of the choices goes to a person rather than round in circles (one is offered from the second miss).
            MaxAttempts = 3,
        }, cancellationToken);
    }

    private async Task<DialogTurnResult> AskReferenceAsync(WaterfallStepContext<DisruptionReport> step, CancellationToken cancellationToken)
    {
        if (step.Result is KindAnswer answer)
        {
            step.Flow.BookingReference = answer.BookingReference ?? step.Flow.BookingReference;
            switch (answer.Kind)
            {
                case null:
                    // A booking code typed where the kind was asked: kept, and the question asked again about that booking.
                    return await step.RestartAsync(cancellationToken).ConfigureAwait(false);
                default:
                    step.Flow.Kind = answer.Kind;
                    break;
            }
        }
        if (step.Flow.Kind is null)
        {
            step.Flow.NeedsPerson = true;
            await SayAsync(step, nameof(Strings.KindGaveUp), cancellationToken).ConfigureAwait(false);
            return await HandOffAsync(step, CaseReason.RepeatedMisunderstanding, cancellationToken).ConfigureAwait(false);
        }
        if (step.Flow.BookingReference is { } known)
        {
            return await step.NextAsync(known, cancellationToken).ConfigureAwait(false);
        }
        return await step.PromptAsync(ReferencePrompt, new PromptOptions
        {
            Prompt = MessageFactory.Text(step.Context.Text(nameof(Strings.AskBookingReference))),
            RetryPrompt = MessageFactory.Text(step.Context.Text(nameof(Strings.BookingReferenceRetry))),
            MaxAttempts = 3,
        }, cancellationToken).ConfigureAwait(false);
    }

    private async Task<DialogTurnResult> AskLastNameAsync(WaterfallStepContext<DisruptionReport> step, CancellationToken cancellationToken)
    {
        if (BookingReferences.Normalize(step.Result as string) is not { } reference)
        {
            step.Flow.NeedsPerson = true;
            await SayAsync(step, nameof(Strings.ReferenceGaveUp), cancellationToken).ConfigureAwait(false);
            return await HandOffAsync(step, CaseReason.RepeatedMisunderstanding, cancellationToken).ConfigureAwait(false);
        }
        step.Flow.BookingReference = reference;
        return await step.PromptAsync(LastNamePrompt, new PromptOptions
        {
            Prompt = MessageFactory.Text(step.Context.Text(nameof(Strings.AskLastName))),
            RetryPrompt = MessageFactory.Text(step.Context.Text(nameof(Strings.LastNameRetry))),
        }, cancellationToken).ConfigureAwait(false);
    }

    private static Task SayAsync(WaterfallStepContext<DisruptionReport> step, string key, CancellationToken cancellationToken)
        => step.Context.SendActivityAsync(MessageFactory.Text(step.Context.Text(key)), cancellationToken);

    /// <param name="summary">What the person should read first (for a claim for co-travellers: each passenger's part).</param>
    private async Task<DialogTurnResult> HandOffAsync(WaterfallStepContext<DisruptionReport> step, CaseReason reason, CancellationToken cancellationToken, string? summary = null)
    {
        var conversation = await _conversationState.LoadAsync(step.Context, cancellationToken).ConfigureAwait(false);
        await _handoff.HandToPersonAsync(step.Context, conversation, reason, step.Flow, cancellationToken, summary).ConfigureAwait(false);
        return await step.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
    }
}

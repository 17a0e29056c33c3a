using CustomerCare.Builder;
using CustomerCare.Dialogs;
using CustomerCare.Dialogs.Prompts;
using CustomerCare.Localization;

namespace CustomerCare.Conversation;

/// <summary>
/// The first waterfall steps of a flow that finds a traveller: the booking reference (skipped when known; three
/// tries), then the last name. A flow without a valid reference ends there.
/// </summary>
internal static class TravellerSteps
{
    public static Task<DialogTurnResult> AskReferenceAsync<TFlow>(WaterfallStepContext<TFlow> step, string referencePrompt, string questionKey, CancellationToken cancellationToken)
        where TFlow : class, ITravellerNames, new()
        => step.Flow.BookingReference is { } known
            ? step.NextAsync(known, cancellationToken)
            : step.PromptAsync(referencePrompt, new PromptOptions
            {
                Prompt = MessageFactory.Text(step.Context.Text(questionKey)),
                RetryPrompt = MessageFactory.Text(step.Context.Text(nameof(Strings.BookingReferenceRetry))),
                MaxAttempts = 3,
            }, cancellationToken);

    public static Task<DialogTurnResult> AskLastNameAsync<TFlow>(WaterfallStepContext<TFlow> step, string lastNamePrompt, CancellationToken cancellationToken)
        where TFlow : class, ITravellerNames, new()
    {
        if (BookingReferences.Normalize(step.Result as string) is not { } reference)
        {
            return step.EndDialogAsync(null, cancellationToken);
        }
        step.Flow.BookingReference = reference;
        return step.PromptAsync(lastNamePrompt, new PromptOptions
        {
            Prompt = MessageFactory.Text(step.Context.Text(nameof(Strings.AskLastName))),
            RetryPrompt = MessageFactory.Text(step.Context.Text(nameof(Strings.LastNameRetry))),
        }, cancellationToken);
    }
}

using CustomerCare.Builder;
using CustomerCare.Localization;
using CustomerCare.Schema;

namespace CustomerCare.Dialogs.Prompts;

/// <summary>
/// Asks once, then on each message recognises and validates the answer: a valid answer ends the prompt with
/// the value; otherwise the retry prompt is sent (offering a person from the second miss on), up to
/// <see cref="PromptOptions.MaxAttempts"/> (then null).
/// </summary>
public abstract class Prompt<T>(string id, PromptValidator<T>? validator) : Dialog(id)
{
    private const string AttemptsKey = "attemptCount";

    /// <summary>After this many answers that do not fit, the retry offers a person as well.</summary>
    public const int OfferPersonAfterMisses = 2;

    public override async Task<DialogTurnResult> BeginDialogAsync(DialogContext dc, object? options, CancellationToken cancellationToken)
    {
        if (options is not PromptOptions promptOptions)
        {
            throw new ArgumentException($"The prompt '{Id}' needs PromptOptions.", nameof(options));
        }
        var instance = dc.ActiveDialog!;
        instance.Options = promptOptions;
        instance.State.Put(AttemptsKey, 0);
        await OnPromptAsync(dc.Context, promptOptions, isRetry: false, cancellationToken).ConfigureAwait(false);
        return DialogTurnResult.EndOfTurn;
    }

    public override async Task<DialogTurnResult> ContinueDialogAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        if (!dc.Context.Activity.IsType(ActivityTypes.Message))
        {
            return DialogTurnResult.EndOfTurn;
        }

        var instance = dc.ActiveDialog!;
        var options = LoadOptions(instance);
        var attempts = instance.State.Get<int>(AttemptsKey) + 1;
        instance.State.Put(AttemptsKey, attempts);

        var recognized = await OnRecognizeAsync(dc.Context, options, cancellationToken).ConfigureAwait(false);
        var valid = recognized.Succeeded && (validator is null
            || await validator(new PromptValidatorContext<T>(dc.Context, recognized, options, attempts), cancellationToken).ConfigureAwait(false));
        if (valid)
        {
            return await dc.EndDialogAsync(recognized.Value, cancellationToken).ConfigureAwait(false);
        }
        if (options.MaxAttempts is { } max && attempts >= max)
        {
            return await dc.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
        }
        if (!dc.Context.Responded)
        {
            await OnPromptAsync(dc.Context, attempts >= OfferPersonAfterMisses ? WithPersonOffered(dc.Context, options) : options, isRetry: true, cancellationToken).ConfigureAwait(false);
        }
        return DialogTurnResult.EndOfTurn;
    }

    public override async Task<DialogTurnResult> ResumeDialogAsync(DialogContext dc, DialogReason reason, object? result, CancellationToken cancellationToken)
    {
        await RepromptDialogAsync(dc.Context, dc.ActiveDialog!, cancellationToken).ConfigureAwait(false);
        return DialogTurnResult.EndOfTurn;
    }

    public override Task RepromptDialogAsync(ITurnContext turnContext, DialogInstance instance, CancellationToken cancellationToken)
        => OnPromptAsync(turnContext, LoadOptions(instance), isRetry: false, cancellationToken);

    protected abstract Task OnPromptAsync(ITurnContext turnContext, PromptOptions options, bool isRetry, CancellationToken cancellationToken);

    protected abstract Task<PromptRecognizerResult<T>> OnRecognizeAsync(ITurnContext turnContext, PromptOptions options, CancellationToken cancellationToken);

    /// <summary>Sends the question (or its retry, or the fallback text), with its answers as buttons unless it brings its own.</summary>
    protected async Task SendWithAnswersAsync(ITurnContext turnContext, PromptOptions options, bool isRetry, string fallbackKey, CancellationToken cancellationToken)
    {
        var prompt = PromptFor(options, isRetry) ?? MessageFactory.Text(turnContext.Text(fallbackKey));
        if (prompt.SuggestedActions is null && Actions(turnContext, options).ToList() is { Count: > 0 } actions)
        {
            prompt.SuggestedActions = new SuggestedActions { Actions = actions };
        }
        if (prompt.SuggestedActions is not null)
        {
            prompt.InputHint = InputHints.ExpectingInput;
        }
        await turnContext.SendActivityAsync(prompt, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The answers offered as buttons under the question (the choices; yes and no for a confirmation).</summary>
    protected virtual IEnumerable<CardAction> Actions(ITurnContext turnContext, PromptOptions options)
        => (options.Choices ?? []).Select(c => CardAction.ImBack(c.Title ?? c.Value, c.Title ?? c.Value));

    /// <summary>
    /// The retry after two misses: the question again, with its answers, and a person offered beside them (the button
    /// says what the "talk to a person" command says, so it interrupts any question).
    /// </summary>
    private PromptOptions WithPersonOffered(ITurnContext turnContext, PromptOptions options)
    {
        var retry = (options.RetryPrompt ?? options.Prompt)?.Clone() ?? MessageFactory.Text(string.Empty);
        retry.Text = string.Join(' ', new[] { retry.Text, turnContext.Text(nameof(Strings.PromptOffersPerson)) }.Where(t => !string.IsNullOrWhiteSpace(t)));
        retry.SuggestedActions = new SuggestedActions
        {
            Actions = [.. retry.SuggestedActions?.Actions ?? Actions(turnContext, options), CardAction.ImBack(turnContext.Text(nameof(Strings.ActionTalkToPerson)))],
        };
        return new PromptOptions { Prompt = options.Prompt, RetryPrompt = retry, Choices = options.Choices, MaxAttempts = options.MaxAttempts };
    }

    private static PromptOptions LoadOptions(DialogInstance instance) => instance.Options ?? new PromptOptions();

    /// <summary>A copy of the prompt to send, so addressing it for this turn never alters the stored prompt.</summary>
    protected static Activity? PromptFor(PromptOptions options, bool isRetry)
        => (isRetry && options.RetryPrompt is not null ? options.RetryPrompt : options.Prompt)?.Clone();
}

using CustomerCare.Builder;
using CustomerCare.Localization;
using CustomerCare.Schema;

namespace CustomerCare.Dialogs.Prompts;

/// <summary>Asks a yes/no question in the conversation's language, with Yes/No buttons.</summary>
public sealed class ConfirmPrompt(string id, PromptValidator<bool>? validator = null) : Prompt<bool>(id, validator)
{
    protected override Task OnPromptAsync(ITurnContext turnContext, PromptOptions options, bool isRetry, CancellationToken cancellationToken)
        => SendWithAnswersAsync(turnContext, options, isRetry, nameof(Strings.ConfirmRetry), cancellationToken);

    protected override IEnumerable<CardAction> Actions(ITurnContext turnContext, PromptOptions options)
        => [CardAction.ImBack(turnContext.Text(nameof(Strings.Yes))), CardAction.ImBack(turnContext.Text(nameof(Strings.No)))];

    protected override Task<PromptRecognizerResult<bool>> OnRecognizeAsync(ITurnContext turnContext, PromptOptions options, CancellationToken cancellationToken)
        => Task.FromResult(YesNoRecognizer.Recognize(turnContext.Activity.Text, turnContext.Culture()) is { } answer
            ? PromptRecognizerResult<bool>.Of(answer)
            : PromptRecognizerResult<bool>.Failed);
}

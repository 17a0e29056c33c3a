using CustomerCare.Builder;
using CustomerCare.Localization;
using CustomerCare.Schema;

namespace CustomerCare.Dialogs.Prompts;

/// <summary>Offers choices as suggested actions; recognises the value, title, a synonym or the option's number.</summary>
public sealed class ChoicePrompt(string id, PromptValidator<FoundChoice>? validator = null) : Prompt<FoundChoice>(id, validator)
{
    protected override Task OnPromptAsync(ITurnContext turnContext, PromptOptions options, bool isRetry, CancellationToken cancellationToken)
        => SendWithAnswersAsync(turnContext, options, isRetry, nameof(Strings.ChoiceRetry), cancellationToken);

    protected override Task<PromptRecognizerResult<FoundChoice>> OnRecognizeAsync(ITurnContext turnContext, PromptOptions options, CancellationToken cancellationToken)
    {
        var found = ChoiceRecognizer.Recognize(turnContext.Activity.Text, options.Choices ?? []);
        return Task.FromResult(found is null ? PromptRecognizerResult<FoundChoice>.Failed : PromptRecognizerResult<FoundChoice>.Of(found));
    }
}

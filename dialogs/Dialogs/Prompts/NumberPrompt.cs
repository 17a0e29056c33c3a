using System.Globalization;
using System.Numerics;
using System.Text.RegularExpressions;
using CustomerCare.Builder;
using CustomerCare.Localization;

namespace CustomerCare.Dialogs.Prompts;

/// <summary>Asks for a number and reads it in the conversation's culture ("1,5" in German is one and a half).</summary>
public sealed partial class NumberPrompt<T>(string id, PromptValidator<T>? validator = null) : Prompt<T>(id, validator)
    where T : INumber<T>
{
    protected override async Task OnPromptAsync(ITurnContext turnContext, PromptOptions options, bool isRetry, CancellationToken cancellationToken)
    {
        var prompt = PromptFor(options, isRetry) ?? MessageFactory.Text(turnContext.Text(nameof(Strings.NumberRetry)));
        await turnContext.SendActivityAsync(prompt, cancellationToken).ConfigureAwait(false);
    }

    protected override Task<PromptRecognizerResult<T>> OnRecognizeAsync(ITurnContext turnContext, PromptOptions options, CancellationToken cancellationToken)
    {
        var culture = turnContext.Culture();
        var match = NumberToken().Match(turnContext.Activity.Text ?? string.Empty);
        return Task.FromResult(match.Success && T.TryParse(match.Value, NumberStyles.Number, culture, out var value)
            ? PromptRecognizerResult<T>.Of(value)
            : PromptRecognizerResult<T>.Failed);
    }

    [GeneratedRegex(@"-?\d[\d.,]*", RegexOptions.None, matchTimeoutMilliseconds: 250)]
    private static partial Regex NumberToken();
}

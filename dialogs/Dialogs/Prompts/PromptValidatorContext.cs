using CustomerCare.Builder;

namespace CustomerCare.Dialogs.Prompts;

public sealed record PromptRecognizerResult<T>(bool Succeeded, T? Value)
{
    public static PromptRecognizerResult<T> Failed { get; } = new(false, default);

    public static PromptRecognizerResult<T> Of(T value) => new(true, value);
}

/// <summary>What a validator sees: the recognised value, the options, and how often the user has tried.</summary>
public sealed record PromptValidatorContext<T>(
    ITurnContext Context, PromptRecognizerResult<T> Recognized, PromptOptions Options, int AttemptCount);

public delegate Task<bool> PromptValidator<T>(PromptValidatorContext<T> prompt, CancellationToken cancellationToken);

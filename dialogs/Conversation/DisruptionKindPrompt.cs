using System.Globalization;
using System.Text.RegularExpressions;
using CustomerCare.Builder;
using CustomerCare.Dialogs.Prompts;
using CustomerCare.Localization;
using CustomerCare.Recognition;
using CustomerCare.Recognition.Entities;
using CustomerCare.Schema;

namespace CustomerCare.Conversation;

/// <summary>What the customer said when asked what happened: the kind of disruption, the booking code, or both.</summary>
public sealed record KindAnswer(string? Kind, string? BookingReference);

/// <summary>
/// "What happened?" with the kinds as buttons. Free text that fits is an answer too: the words for a kind ("it was
/// three hours late", "downgraded"), or a booking code typed here, which the report keeps instead of asking for it again.
/// </summary>
public sealed partial class DisruptionKindPrompt(string id) : Prompt<KindAnswer>(id, validator: null)
{
    private static readonly DisruptionKindExtractor Kinds = new();
    private static readonly BookingReferenceExtractor References = new();

    protected override Task OnPromptAsync(ITurnContext turnContext, PromptOptions options, bool isRetry, CancellationToken cancellationToken)
        => SendWithAnswersAsync(turnContext, options, isRetry, nameof(Strings.ChoiceRetry), cancellationToken);

    protected override Task<PromptRecognizerResult<KindAnswer>> OnRecognizeAsync(ITurnContext turnContext, PromptOptions options, CancellationToken cancellationToken)
        => Task.FromResult(Recognize(turnContext.Activity.Text, options.Choices ?? [], turnContext.Culture()) is { } answer
            ? PromptRecognizerResult<KindAnswer>.Of(answer)
            : PromptRecognizerResult<KindAnswer>.Failed);

    public static KindAnswer? Recognize(string? text, IReadOnlyList<Choice> choices, CultureInfo culture)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        var today = DateOnly.MinValue;
        // "Not cancelled, just very late": a sentence that denies a kind is asked again (with the buttons), never guessed from.
        var denies = Negation().IsMatch(text) && !choices.Any(c => string.Equals(text.Trim(), c.Title ?? c.Value, StringComparison.OrdinalIgnoreCase));
        var kind = denies ? null : ChoiceRecognizer.Recognize(text, choices)?.Value
            ?? Kinds.Extract(text, culture, today).Select(e => e.Resolution).FirstOrDefault(k => k == DisruptionKindExtractor.Downgrade || choices.Any(c => c.Value == k));
        // Only what reads as a locator in free text (not a flight number such as LH4000, not "180 min").
        var reference = References.Extract(text, culture, today).Select(e => e.Resolution).FirstOrDefault();
        return kind is null && reference is null ? null : new KindAnswer(kind, reference);
    }

    [GeneratedRegex(@"\b(not|no|never|wasn'?t|weren'?t|isn'?t|didn'?t|nicht|kein\w*|nie)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex Negation();
}

using System.Globalization;
using CustomerCare.Diagnostics;

namespace CustomerCare.Recognition;

/// <summary>
/// Runs the recognizer it wraps in a span with the recognizer's kind, the language and the top intent (one of
/// <see cref="Intents"/>, or "other"); the utterance and its entities stay out of the span.
/// </summary>
public sealed class TracedRecognizer(IRecognizer inner) : IRecognizer
{
    private static readonly HashSet<string> KnownIntents = new(StringComparer.Ordinal)
    {
        Intents.ReportDisruption, Intents.CompensationStatus, Intents.ProductAdvice, Intents.TalkToHuman, Intents.Greeting,
        Intents.Help, Intents.Cancel, Intents.Goodbye, Intents.None,
    };

    public async Task<RecognizerResult> RecognizeAsync(string text, CultureInfo culture, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(culture);
        using var span = CustomerCareTelemetry.Source.StartActivity(SpanNames.Recognize)?
            .SetTag(TelemetryTags.Recognizer, inner.GetType().Name).SetTag(TelemetryTags.Language, culture.TwoLetterISOLanguageName);
        var result = await inner.RecognizeAsync(text, culture, cancellationToken).ConfigureAwait(false);
        span?.SetTag(TelemetryTags.Intent, result.TopIntent is { } intent && KnownIntents.Contains(intent) ? intent : "other");
        return result;
    }
}

using System.Globalization;
using CustomerCare.Recognition.Entities;

namespace CustomerCare.Recognition.Offline;

/// <summary>
/// The default recognizer, needing no network: the trained classifier for the conversation's language plus the
/// rule-based entities. Below the confidence threshold the answer is None. While a model is still being trained
/// (the first start on a machine), the keyword rules answer instead, so no turn waits for training.
/// </summary>
public sealed class OfflineRecognizer(IntentModelStore models, EntityExtractor entities, TimeProvider clock, double threshold = OfflineRecognizer.DefaultThreshold) : IRecognizer
{
    public const double DefaultThreshold = 0.3;

    private readonly KeywordRecognizer _whileTraining = new();

    public double Threshold => threshold;

    public async Task<RecognizerResult> RecognizeAsync(string text, CultureInfo culture, CancellationToken cancellationToken)
    {
        var language = culture.TwoLetterISOLanguageName == "de" ? "de" : "en";
        var found = entities.Extract(text, culture, DateOnly.FromDateTime(clock.GetLocalNow().DateTime));
        if (!models.IsReady(language))
        {
            _ = Task.Run(() => models.Get(language), CancellationToken.None);
            var keywords = await _whileTraining.RecognizeAsync(text, culture, cancellationToken).ConfigureAwait(false);
            return keywords with { Entities = found };
        }
        return Classify(text, language, found);
    }

    /// <summary>Synchronous classification with the model (trains it first if needed); used by tools and tests.</summary>
    public RecognizerResult Classify(string text, string language, IReadOnlyList<RecognizedEntity> found)
    {
        var scores = models.Get(language).Predict(TextNormalizer.Normalize(text, found));
        var intents = scores.ToDictionary(s => s.Intent, s => s.Score);
        var (top, score) = scores[0];
        return score < threshold
            ? new RecognizerResult(text, Intents.None, score, intents, found)
            : new RecognizerResult(text, top, score, intents, found);
    }
}

namespace CustomerCare.Recognition;

/// <summary>
/// An entity found in an utterance: its category, the text and where it stands, and its resolved value
/// (a normalised locator or flight number, an ISO date, an IATA code, a kind, "120.00 EUR").
/// </summary>
public sealed record RecognizedEntity(string Category, string Text, int Offset, int Length, string? Resolution = null);

/// <summary>What the recognizer made of an utterance: the top intent, every intent's score, and the entities.</summary>
public sealed record RecognizerResult(
    string Text,
    string TopIntent,
    double Score,
    IReadOnlyDictionary<string, double> Intents,
    IReadOnlyList<RecognizedEntity> Entities)
{
    public static RecognizerResult Nothing(string text) =>
        new(text, Recognition.Intents.None, 1.0, new Dictionary<string, double> { [Recognition.Intents.None] = 1.0 }, []);

    public bool Is(string intent) => string.Equals(TopIntent, intent, StringComparison.Ordinal);

    /// <summary>The resolved value of the first entity of the category, if any.</summary>
    public string? First(string category) => Entities.FirstOrDefault(e => e.Category == category)?.Resolution;
}

using System.Globalization;

namespace CustomerCare.Recognition;

/// <summary>
/// Routes on key phrases in English and German. Commands (help, cancel, greeting, goodbye) count only when the
/// message is little more than the command, so a sentence that merely mentions "help" is not taken as one.
/// A phrase ending in * is a word stem ("empfehl*" matches "empfehlen", "Empfehlung").
/// </summary>
public sealed class KeywordRecognizer : IRecognizer
{
    private static readonly (string Intent, string[] Phrases, bool WholeMessage)[] Rules =
    [
        (Intents.Cancel, ["cancel", "stop", "abort", "quit", "never mind", "nevermind", "abbrechen", "stopp", "vergiss es", "beenden"], true),
        (Intents.Help, ["help", "help me", "what can you do", "hilfe", "was kannst du", "was können sie"], true),
        (Intents.TalkToHuman, ["agent", "human", "talk to a person", "speak to a person", "talk to someone", "speak to someone", "real person",
            "mitarbeiter*", "mensch*", "berater*", "mit jemandem sprechen"], false),
        (Intents.ReportDisruption, ["disruption", "report a disruption", "delay*", "cancelled", "canceled", "cancellation", "denied boarding",
            "bumped", "missed connection", "missed my connection", "baggage", "luggage", "bag", "suitcase", "störung*", "verspät*",
            "annull*", "gepäck", "koffer", "anschluss verpasst", "nichtbeförderung"], false),
        (Intents.ProductAdvice, ["advice", "product advice", "recommend*", "which product", "insurance", "best way to travel",
            "beratung", "produktberatung", "empfehl*", "versicherung*"], false),
        (Intents.Greeting, ["hi", "hello", "hey", "good morning", "hallo", "guten tag", "moin", "servus", "grüß gott"], true),
        (Intents.Goodbye, ["bye", "goodbye", "that's all", "tschüss", "auf wiedersehen", "das war's", "das wars"], true),
    ];

    public Task<RecognizerResult> RecognizeAsync(string text, CultureInfo culture, CancellationToken cancellationToken)
    {
        var normalized = text.Trim().Trim('!', '?', '.', ' ').ToLower(culture);
        foreach (var (intent, phrases, wholeMessage) in Rules)
        {
            var hit = wholeMessage
                ? phrases.Contains(normalized, StringComparer.Ordinal)
                : phrases.Any(phrase => ContainsPhrase(normalized, phrase));
            if (hit)
            {
                return Task.FromResult(new RecognizerResult(text, intent, 0.9, new Dictionary<string, double> { [intent] = 0.9 }, []));
            }
        }
        return Task.FromResult(RecognizerResult.Nothing(text));
    }

    private static bool ContainsPhrase(string text, string phrase)
    {
        var stem = phrase.EndsWith('*');
        var core = stem ? phrase[..^1] : phrase;
        for (var index = text.IndexOf(core, StringComparison.Ordinal); index >= 0; index = text.IndexOf(core, index + 1, StringComparison.Ordinal))
        {
            var end = index + core.Length;
            var startsWord = index == 0 || !char.IsLetter(text[index - 1]);
            var endsWord = stem || end == text.Length || !char.IsLetter(text[end]);
            if (startsWord && endsWord)
            {
                return true;
            }
        }
        return false;
    }
}

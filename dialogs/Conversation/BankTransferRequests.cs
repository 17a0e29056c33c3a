using CustomerCare.Recognition;

namespace CustomerCare.Conversation;

/// <summary>
/// "Pay me by bank transfer", in English or German, recognised by phrase before the models (which have no such
/// intent): the phrases are few and exact, and a request about where money goes must not be guessed.
/// </summary>
public static class BankTransferRequests
{
    private static readonly string[] Phrases =
    [
        "bank transfer", "by transfer", "wire transfer", "bank account", "my iban", "to my account", "pay to my account",
        "überweisung", "überweisen", "bankverbindung", "bankkonto", "auf mein konto", "meine iban",
    ];

    public static RecognizerResult? Recognize(string text)
    {
        var normalized = string.Join(' ', text.ToLowerInvariant().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return normalized.Length <= 200 && Phrases.Any(p => normalized.Contains(p, StringComparison.Ordinal))
            ? new RecognizerResult(text, Intents.BankTransfer, 1.0, new Dictionary<string, double> { [Intents.BankTransfer] = 1.0 }, [])
            : null;
    }
}

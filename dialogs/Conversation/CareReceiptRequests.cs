using CustomerCare.Recognition;

namespace CustomerCare.Conversation;

/// <summary>"I have receipts", in English or German, recognised by phrase before the models (which have no such intent).</summary>
public static class CareReceiptRequests
{
    private static readonly string[] Phrases = ["receipt", "receipts", "quittung", "quittungen", "beleg", "belege", "kassenbon", "kassenbons"];

    public static RecognizerResult? Recognize(string text)
    {
        if (text.Length > 200)
        {
            return null;
        }
        var words = text.ToLowerInvariant().Split([' ', ',', '.', '!', '?', ':', ';'], StringSplitOptions.RemoveEmptyEntries);
        return words.Any(w => Phrases.Contains(w, StringComparer.Ordinal))
            ? new RecognizerResult(text, Intents.CareReceipts, 1.0, new Dictionary<string, double> { [Intents.CareReceipts] = 1.0 }, [])
            : null;
    }
}

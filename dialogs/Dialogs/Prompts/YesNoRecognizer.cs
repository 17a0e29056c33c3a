using System.Collections.Concurrent;
using System.Globalization;
using CustomerCare.Localization;

namespace CustomerCare.Dialogs.Prompts;

/// <summary>Reads yes or no in the conversation's language (English words are understood everywhere).</summary>
public static class YesNoRecognizer
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo(Locales.English);
    private static readonly ConcurrentDictionary<string, (HashSet<string> Yes, HashSet<string> No)> Vocabulary = new();

    public static bool? Recognize(string? utterance, CultureInfo culture)
    {
        var words = (utterance ?? string.Empty).ToLower(culture)
            .Split([' ', ',', '.', '!', '?'], StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0)
        {
            return null;
        }
        var (yes, no) = Vocabulary.GetOrAdd(culture.Name, static (_, c) => (
            BotText.Words(c, nameof(Strings.YesWords)).Concat(BotText.Words(English, nameof(Strings.YesWords))).ToHashSet(),
            BotText.Words(c, nameof(Strings.NoWords)).Concat(BotText.Words(English, nameof(Strings.NoWords))).ToHashSet()), culture);
        var saysNo = words.Any(no.Contains);
        var saysYes = words.Any(yes.Contains) || (words.Length > 1 && yes.Contains(string.Join(' ', words)));
        return saysNo == saysYes ? null : saysYes;
    }
}

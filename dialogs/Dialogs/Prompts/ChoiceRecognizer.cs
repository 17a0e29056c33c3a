using System.Globalization;

namespace CustomerCare.Dialogs.Prompts;

/// <summary>Finds which choice an utterance means: exact value/title/synonym, then the option's number, then a whole-word mention.</summary>
public static class ChoiceRecognizer
{
    public static FoundChoice? Recognize(string? utterance, IReadOnlyList<Choice> choices)
    {
        var text = Normalize(utterance);
        if (text.Length == 0)
        {
            return null;
        }

        for (var i = 0; i < choices.Count; i++)
        {
            if (Names(choices[i]).Any(name => Normalize(name) == text))
            {
                return new FoundChoice(choices[i].Value, i);
            }
        }

        if (int.TryParse(text.TrimEnd('.'), NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= 1 && number <= choices.Count)
        {
            return new FoundChoice(choices[number - 1].Value, number - 1);
        }

        var mentioned = Enumerable.Range(0, choices.Count)
            .Where(i => Names(choices[i]).Any(name => ContainsWords(text, Normalize(name))))
            .ToList();
        // A mention of an answer that must be given as such makes the utterance no answer at all.
        if (mentioned.Any(i => !choices[i].MentionCounts))
        {
            return null;
        }
        return mentioned.Count == 1 ? new FoundChoice(choices[mentioned[0]].Value, mentioned[0]) : null;
    }

    private static IEnumerable<string> Names(Choice choice)
    {
        yield return choice.Value;
        if (choice.Title is not null)
        {
            yield return choice.Title;
        }
        foreach (var synonym in choice.Synonyms ?? [])
        {
            yield return synonym;
        }
    }

    private static bool ContainsWords(string text, string phrase)
    {
        if (phrase.Length < 3)
        {
            return false;
        }
        var index = text.IndexOf(phrase, StringComparison.Ordinal);
        while (index >= 0)
        {
            var startsWord = index == 0 || !char.IsLetterOrDigit(text[index - 1]);
            var end = index + phrase.Length;
            var endsWord = end == text.Length || !char.IsLetterOrDigit(text[end]);
            if (startsWord && endsWord)
            {
                return true;
            }
            index = text.IndexOf(phrase, index + 1, StringComparison.Ordinal);
        }
        return false;
    }

    private static string Normalize(string? text)
        => (text ?? string.Empty).Trim().Trim('!', '?', '.', ',').ToLower(CultureInfo.InvariantCulture);
}

using System.Globalization;
using System.Text;

namespace CustomerCare.Bot.Supervisors;

/// <summary>
/// The words a conversation can be found by: lower-case letters and digits, at least three characters (or any
/// token with a digit, like a flight number), common words left out. Used for indexing and for the query alike.
/// </summary>
public static class SearchTerms
{
    private const int MaxLength = 40;

    private static readonly HashSet<string> Common = new(StringComparer.Ordinal)
    {
        "the", "and", "for", "you", "your", "with", "was", "are", "this", "that", "have", "has", "not", "but", "can", "please", "thanks", "thank",
        "der", "die", "das", "und", "ich", "sie", "mit", "ist", "nicht", "ein", "eine", "mein", "meine", "bitte", "danke", "auf", "für", "von", "den", "dem",
    };

    public static IEnumerable<string> Of(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            yield break;
        }
        var word = new StringBuilder();
        foreach (var c in text.Normalize(NormalizationForm.FormC))
        {
            if (char.IsLetterOrDigit(c))
            {
                word.Append(char.ToLower(c, CultureInfo.InvariantCulture));
                continue;
            }
            if (Take(word) is { } term)
            {
                yield return term;
            }
        }
        if (Take(word) is { } last)
        {
            yield return last;
        }
    }

    private static string? Take(StringBuilder word)
    {
        var term = word.ToString();
        word.Clear();
        var useful = term.Length is >= 3 and <= MaxLength || (term.Length is > 0 and <= MaxLength && term.Any(char.IsAsciiDigit));
        return useful && !Common.Contains(term) ? term : null;
    }
}

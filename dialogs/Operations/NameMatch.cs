using System.Globalization;
using System.Text;

namespace CustomerCare.Operations;

/// <summary>
/// Names compare as the same person's, however they are spelled or typed: without case, accents, umlaut spellings or
/// titles ("Müller", "Mueller", "MULLER"; "Sørensen", "SORENSEN"; "Wałęsa", "WALESA"; "ALEX MR" and "Alex"), with
/// full-width letters folded to ordinary ones and Cyrillic and Greek letters that look Latin read as the Latin ones.
/// </summary>
public static class NameMatch
{
    private static readonly string[] Titles = ["mr", "mrs", "ms", "miss", "mstr", "dr", "prof", "sir", "herr", "frau", "mme", "mlle"];

    /// <summary>Letters with no decomposition that people write without their stroke or ligature.</summary>
    private static readonly Dictionary<char, string> Spellings = new()
    {
        ['ø'] = "o", ['ł'] = "l", ['æ'] = "ae", ['œ'] = "oe", ['ı'] = "i", ['đ'] = "d", ['ð'] = "d", ['þ'] = "th", ['ß'] = "ss",
        ['ħ'] = "h", ['ŧ'] = "t", ['ŀ'] = "l", ['ĸ'] = "k", ['ŋ'] = "n",
        // Cyrillic and Greek letters that look like Latin ones, so a look-alike is no new name.
        ['а'] = "a", ['в'] = "b", ['е'] = "e", ['ё'] = "e", ['к'] = "k", ['м'] = "m", ['н'] = "h", ['о'] = "o", ['р'] = "p", ['с'] = "c", ['т'] = "t",
        ['у'] = "y", ['х'] = "x", ['і'] = "i", ['ј'] = "j", ['ѕ'] = "s", ['һ'] = "h", ['ԁ'] = "d", ['ԛ'] = "q", ['ԝ'] = "w",
        ['α'] = "a", ['β'] = "b", ['ε'] = "e", ['η'] = "n", ['ι'] = "i", ['κ'] = "k", ['μ'] = "m", ['ν'] = "v", ['ο'] = "o", ['ρ'] = "p",
        ['τ'] = "t", ['υ'] = "u", ['χ'] = "x", ['ζ'] = "z",
    };

    public static bool Same(string? a, string? b) => Fold(a) == Fold(b);

    /// <summary>A first or given name without the titles booking records carry ("ALEX MR", "Dr. Alex").</summary>
    public static string FoldGiven(string? name)
        => Fold(string.Join(' ', (name ?? string.Empty).Split([' ', '.'], StringSplitOptions.RemoveEmptyEntries)
            .Where(word => !Titles.Contains(word.ToLowerInvariant()))));

    /// <summary>The form names are compared in: lower case, letters only, umlauts, accents, strokes and look-alikes folded.</summary>
    public static string Fold(string? name)
    {
        var compatible = (name ?? string.Empty).Normalize(NormalizationForm.FormKC).Trim().ToLowerInvariant();
        var spelled = new StringBuilder(compatible.Length);
        foreach (var c in compatible)
        {
            spelled.Append(Spellings.TryGetValue(c, out var latin) ? latin : c.ToString());
        }
        var umlauts = spelled.ToString()
            .Replace("ä", "a", StringComparison.Ordinal).Replace("ae", "a", StringComparison.Ordinal)
            .Replace("ö", "o", StringComparison.Ordinal).Replace("oe", "o", StringComparison.Ordinal)
            .Replace("ü", "u", StringComparison.Ordinal).Replace("ue", "u", StringComparison.Ordinal);
        var builder = new StringBuilder(umlauts.Length);
        foreach (var c in umlauts.Normalize(NormalizationForm.FormD))
        {
            if (char.IsLetter(c) && CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                builder.Append(c);
            }
        }
        return builder.ToString();
    }

    /// <summary>True when a name mixes Latin letters with Cyrillic or Greek ones — a look-alike, not a real spelling.</summary>
    public static bool MixesScripts(string? name)
    {
        var letters = (name ?? string.Empty).Where(char.IsLetter).ToList();
        var latin = letters.Any(c => c < '\u0250' || c is >= '\u1E00' and <= '\u1EFF');
        var other = letters.Any(c => c is >= '\u0370' and <= '\u052F');
        return latin && other;
    }
}

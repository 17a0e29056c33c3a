using System.Globalization;
using System.Text;

namespace CustomerCare.Operations;

/// <summary>
/// Names compare as the same person's, however they are spelled or typed: without case, accents or titles, with
/// strokes and ligatures written out ("Sørensen" = "SORENSEN" = "SOERENSEN", "Wałęsa" = "WALESA", "ALEX MR" = "Alex"),
/// with full-width letters folded to ordinary ones and Cyrillic and Greek letters that look Latin read as the Latin
/// ones. Umlauts are written both ways a booking system may have spelled them ("Müller" = "MUELLER" = "MULLER"), so a
/// name with umlauts has two forms; "ae" in a name without umlauts stays "ae" ("Michael" is not "Michal").
/// </summary>
public static class NameMatch
{
    private static readonly string[] Titles = ["mr", "mrs", "ms", "miss", "mstr", "dr", "prof", "sir", "herr", "frau", "mme", "mlle"];

    /// <summary>Letters with no decomposition that people write without their stroke or ligature.</summary>
    private static readonly Dictionary<char, string> Spellings = new()
    {
        ['ł'] = "l", ['æ'] = "ae", ['œ'] = "oe", ['ı'] = "i", ['đ'] = "d", ['ð'] = "d", ['þ'] = "th", ['ß'] = "ss",
        ['ħ'] = "h", ['ŧ'] = "t", ['ŀ'] = "l", ['ĸ'] = "k", ['ŋ'] = "n",
        // Cyrillic and Greek letters that look like Latin ones, so a look-alike is no new name.
        ['а'] = "a", ['в'] = "b", ['е'] = "e", ['ё'] = "e", ['к'] = "k", ['м'] = "m", ['н'] = "h", ['о'] = "o", ['р'] = "p", ['с'] = "c", ['т'] = "t",
        ['у'] = "y", ['х'] = "x", ['і'] = "i", ['ј'] = "j", ['ѕ'] = "s", ['һ'] = "h", ['ԁ'] = "d", ['ԛ'] = "q", ['ԝ'] = "w",
        ['α'] = "a", ['β'] = "b", ['ε'] = "e", ['η'] = "n", ['ι'] = "i", ['κ'] = "k", ['μ'] = "m", ['ν'] = "v", ['ο'] = "o", ['ρ'] = "p",
        ['τ'] = "t", ['υ'] = "u", ['χ'] = "x", ['ζ'] = "z",
    };

    /// <summary>Letters booking systems write either with an e after them or plainly: ä/ö/ü (and ø) as ae/oe/ue or a/o/u.</summary>
    private static readonly Dictionary<char, (string Expanded, string Plain)> Umlauts = new()
    {
        ['ä'] = ("ae", "a"), ['ö'] = ("oe", "o"), ['ü'] = ("ue", "u"), ['ø'] = ("oe", "o"),
    };

    public static bool Same(string? a, string? b) => Forms(a).Intersect(Forms(b)).Any();

    /// <summary>The forms of a name (one, or two where it has umlauts): how it may stand in two booking systems.</summary>
    public static IReadOnlyList<string> Forms(string? name)
    {
        var (expanded, plain) = Spell(name);
        return expanded == plain ? [expanded] : [expanded, plain];
    }

    /// <summary>The forms of a first or given name without the titles booking records carry ("ALEX MR", "Dr. Alex").</summary>
    public static IReadOnlyList<string> GivenForms(string? name) => Forms(WithoutTitles(name));

    /// <summary>The one form names are keyed by: umlauts written out (the first of <see cref="Forms"/>).</summary>
    public static string Fold(string? name) => Spell(name).Expanded;

    /// <summary>A first name's key form without its titles.</summary>
    public static string FoldGiven(string? name) => Fold(WithoutTitles(name));

    private static string WithoutTitles(string? name)
        => string.Join(' ', (name ?? string.Empty).Split([' ', '.'], StringSplitOptions.RemoveEmptyEntries).Where(word => !Titles.Contains(word.ToLowerInvariant())));

    private static (string Expanded, string Plain) Spell(string? name)
    {
        var compatible = (name ?? string.Empty).Normalize(NormalizationForm.FormKC).Trim().ToLowerInvariant().Normalize(NormalizationForm.FormC);
        var expanded = new StringBuilder(compatible.Length);
        var plain = new StringBuilder(compatible.Length);
        foreach (var c in compatible)
        {
            if (Umlauts.TryGetValue(c, out var umlaut))
            {
                expanded.Append(umlaut.Expanded);
                plain.Append(umlaut.Plain);
            }
            else
            {
                var latin = Spellings.TryGetValue(c, out var spelled) ? spelled : c.ToString();
                expanded.Append(latin);
                plain.Append(latin);
            }
        }
        return (LettersOnly(expanded.ToString()), LettersOnly(plain.ToString()));
    }

    private static string LettersOnly(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormD))
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

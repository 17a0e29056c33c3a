using System.Globalization;
using System.Text;

namespace CustomerCare.Operations;

/// <summary>Last names compare without case, accents or umlaut spellings: "Müller", "Mueller" and "MULLER" match.</summary>
public static class NameMatch
{
    public static bool Same(string a, string b) => Fold(a) == Fold(b);

    /// <summary>The form names are compared in: lower case, letters only, umlauts and accents folded.</summary>
    public static string Fold(string name)
    {
        var spelled = name.Trim().ToLowerInvariant()
            .Replace("ä", "a", StringComparison.Ordinal).Replace("ae", "a", StringComparison.Ordinal)
            .Replace("ö", "o", StringComparison.Ordinal).Replace("oe", "o", StringComparison.Ordinal)
            .Replace("ü", "u", StringComparison.Ordinal).Replace("ue", "u", StringComparison.Ordinal)
            .Replace("ß", "ss", StringComparison.Ordinal);
        var builder = new StringBuilder();
        foreach (var c in spelled.Normalize(NormalizationForm.FormD))
        {
            if (char.IsLetter(c) && CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                builder.Append(c);
            }
        }
        return builder.ToString();
    }
}

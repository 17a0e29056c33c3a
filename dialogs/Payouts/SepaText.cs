using System.Globalization;
using System.Text;

namespace CustomerCare.Payouts;

/// <summary>
/// Text as SEPA carries it: the EPC's basic Latin character set (letters, digits and / - ? : ( ) . , ' + space).
/// German letters are spelled out (ü → ue, ß → ss), other accents dropped, anything else becomes a space, and the
/// result is cut to the field's length.
/// </summary>
public static class SepaText
{
    private const string Allowed = "/-?:().,'+ ";

    public static string Of(string? text, int maxLength)
    {
        var spelled = (text ?? string.Empty)
            .Replace("ä", "ae", StringComparison.Ordinal).Replace("ö", "oe", StringComparison.Ordinal).Replace("ü", "ue", StringComparison.Ordinal)
            .Replace("Ä", "Ae", StringComparison.Ordinal).Replace("Ö", "Oe", StringComparison.Ordinal).Replace("Ü", "Ue", StringComparison.Ordinal)
            .Replace("ß", "ss", StringComparison.Ordinal).Normalize(NormalizationForm.FormD);
        var latin = new StringBuilder(spelled.Length);
        foreach (var c in spelled)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }
            latin.Append(char.IsAsciiLetterOrDigit(c) || Allowed.Contains(c, StringComparison.Ordinal) ? c : ' ');
        }
        var collapsed = string.Join(' ', latin.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
        return collapsed.Length <= maxLength ? collapsed : collapsed[..maxLength].TrimEnd();
    }
}

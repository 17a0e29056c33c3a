using System.Globalization;
using System.Text;

namespace CustomerCare.Recognition.Offline;

/// <summary>
/// What the classifier sees: lower case, umlauts spelled out (so "Verspätung" and "Verspaetung" are one word),
/// and entities replaced by their category, so "K7QX2M" and "ZX4R9T" teach the same thing.
/// </summary>
public static class TextNormalizer
{
    public static string Normalize(string text, IReadOnlyList<RecognizedEntity> entities)
    {
        var builder = new StringBuilder(text.Length + 16);
        var position = 0;
        foreach (var entity in entities.Where(e => e.Category != EntityCategories.DisruptionKind).OrderBy(e => e.Offset))
        {
            if (entity.Offset < position)
            {
                continue;
            }
            AppendWords(builder, text.AsSpan(position, entity.Offset - position));
            builder.Append(" x").Append(entity.Category.ToLowerInvariant()).Append(' ');
            position = entity.Offset + entity.Length;
        }
        AppendWords(builder, text.AsSpan(position));
        return builder.ToString().Trim();
    }

    private static void AppendWords(StringBuilder builder, ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            switch (char.ToLower(c, CultureInfo.InvariantCulture))
            {
                case 'ä': builder.Append("ae"); break;
                case 'ö': builder.Append("oe"); break;
                case 'ü': builder.Append("ue"); break;
                case 'ß': builder.Append("ss"); break;
                case var lower when char.IsLetterOrDigit(lower) || lower == '\'': builder.Append(lower); break;
                default: builder.Append(' '); break;
            }
        }
    }
}

using System.Globalization;

namespace CustomerCare.Ledger;

/// <summary>One field of the CSV files finance and supervisors open in spreadsheets.</summary>
public static class CsvField
{
    /// <summary>Quotes fields with commas, quotes or line breaks; neutralises a leading formula character for spreadsheets.</summary>
    public static string Escape(string field)
    {
        if (field.Length > 0 && field[0] is '=' or '+' or '-' or '@' or '\t' or '\r' && !decimal.TryParse(field, NumberStyles.Number, CultureInfo.InvariantCulture, out _))
        {
            field = "'" + field;
        }
        return field.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : field;
    }
}

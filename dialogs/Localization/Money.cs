using System.Globalization;

namespace CustomerCare.Localization;

/// <summary>Amounts in the customer's locale with the right currency: "€250.00" for en-US, "250,00 €" for de-DE, "$1,075.00".</summary>
public static class Money
{
    private static readonly Dictionary<string, string> Symbols = new(StringComparer.OrdinalIgnoreCase)
    {
        ["EUR"] = "€", ["USD"] = "$", ["GBP"] = "£", ["CHF"] = "CHF",
    };

    public static string Format(decimal amount, string currency, CultureInfo culture)
    {
        var format = (NumberFormatInfo)culture.NumberFormat.Clone();
        format.CurrencySymbol = Symbols.GetValueOrDefault(currency, currency);
        return amount.ToString("C", format);
    }
}

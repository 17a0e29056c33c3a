using System.Globalization;
using System.Text.RegularExpressions;

namespace CustomerCare.Recognition.Entities;

/// <summary>Money with its currency, before or after the number: "120 EUR", "€89,50", "$1,075", "45 Pfund" → "120.00 EUR".</summary>
public sealed partial class AmountExtractor : IEntityExtractor
{
    private static readonly Dictionary<string, string> Currencies = new(StringComparer.OrdinalIgnoreCase)
    {
        ["eur"] = "EUR", ["€"] = "EUR", ["euro"] = "EUR", ["euros"] = "EUR",
        ["usd"] = "USD", ["$"] = "USD", ["dollar"] = "USD", ["dollars"] = "USD",
        ["gbp"] = "GBP", ["£"] = "GBP", ["pound"] = "GBP", ["pounds"] = "GBP", ["pfund"] = "GBP",
        ["chf"] = "CHF", ["franken"] = "CHF",
    };

    public IEnumerable<RecognizedEntity> Extract(string text, CultureInfo culture, DateOnly today)
    {
        foreach (Match match in Amount().Matches(text))
        {
            var symbol = match.Groups["before"].Success ? match.Groups["before"].Value : match.Groups["after"].Value;
            if (!Currencies.TryGetValue(symbol, out var currency) || ParseNumber(match.Groups["number"].Value) is not { } value)
            {
                continue;
            }
            yield return new RecognizedEntity(EntityCategories.Amount, match.Value.Trim(), match.Index, match.Value.TrimEnd().Length,
                value.ToString("0.00", CultureInfo.InvariantCulture) + " " + currency);
        }
    }

    /// <summary>"1,075" and "1.075" are thousands; "89,50" and "89.50" are decimals: two digits after the last separator mean cents.</summary>
    private static decimal? ParseNumber(string number)
    {
        var last = number.LastIndexOfAny(['.', ',']);
        var digitsAfter = last < 0 ? 0 : number.Length - last - 1;
        var integer = last >= 0 && digitsAfter != 2 ? number : (last < 0 ? number : number[..last]);
        var cents = last >= 0 && digitsAfter == 2 ? number[(last + 1)..] : "0";
        var whole = integer.Replace(".", string.Empty, StringComparison.Ordinal).Replace(",", string.Empty, StringComparison.Ordinal);
        return decimal.TryParse(whole, NumberStyles.None, CultureInfo.InvariantCulture, out var units)
            ? units + (decimal.Parse(cents, CultureInfo.InvariantCulture) / 100m)
            : null;
    }

    [GeneratedRegex(@"(?:(?<before>€|\$|£|EUR|USD|GBP|CHF)\s?(?<number>\d[\d.,]*\d|\d)|(?<number>\d[\d.,]*\d|\d)\s?(?<after>€|\$|£|EUR|USD|GBP|CHF|euros?|dollars?|pounds?|pfund|franken)\b?)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 250)]
    private static partial Regex Amount();
}

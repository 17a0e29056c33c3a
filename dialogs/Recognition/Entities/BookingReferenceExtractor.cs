using System.Globalization;
using System.Text.RegularExpressions;

namespace CustomerCare.Recognition.Entities;

/// <summary>
/// Record locators: six letters and digits. In free text a candidate needs a digit and a letter, or an explicit cue
/// ("booking", "reference", "PNR", "Buchung", "Code"), so ordinary six-letter words are not taken for locators.
/// </summary>
public sealed partial class BookingReferenceExtractor : IEntityExtractor
{
    public IEnumerable<RecognizedEntity> Extract(string text, CultureInfo culture, DateOnly today)
    {
        var cued = Cue().IsMatch(text);
        foreach (Match match in Locator().Matches(text))
        {
            var value = match.Value.ToUpperInvariant();
            var mixed = value.Any(char.IsDigit) && value.Any(char.IsLetter);
            var shouted = match.Value.All(c => char.IsDigit(c) || char.IsUpper(c)) && value.Any(char.IsLetter);
            if (mixed || (cued && shouted))
            {
                if (!LooksLikeFlightNumber(value))
                {
                    yield return new RecognizedEntity(EntityCategories.BookingReference, match.Value, match.Index, match.Length, value);
                }
            }
        }
    }

    /// <summary>"LH4000" is a flight number, not a locator: two letters then four digits.</summary>
    private static bool LooksLikeFlightNumber(string value) => FlightShape().IsMatch(value);

    [GeneratedRegex(@"(?<![\p{L}\d])[A-Za-z0-9]{6}(?![\p{L}\d])", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 250)]
    private static partial Regex Locator();

    [GeneratedRegex(@"^[A-Z]{2}\d{4}$|^[A-Z]\d{5}$|^\d[A-Z]\d{4}$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 250)]
    private static partial Regex FlightShape();

    [GeneratedRegex(@"\b(booking|reference|ref|pnr|locator|confirmation|buchung\w*|code|vorgang\w*|reservierung\w*)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 250)]
    private static partial Regex Cue();

    /// <summary>True when the text names a booking ("booking", "PNR", "Buchung" …).</summary>
    internal static bool HasCue(string text) => Cue().IsMatch(text);
}

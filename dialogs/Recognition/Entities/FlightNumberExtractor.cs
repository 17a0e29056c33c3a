using System.Globalization;
using System.Text.RegularExpressions;

namespace CustomerCare.Recognition.Entities;

/// <summary>Flight numbers: a two-character airline code with at least one letter (or three letters), then 1–4 digits,
/// with or without a space and leading zeros: "LH 400", "lh0400", "BA0117", "U2 1234" → LH400, BA117, U21234.</summary>
public sealed partial class FlightNumberExtractor : IEntityExtractor
{
    public IEnumerable<RecognizedEntity> Extract(string text, CultureInfo culture, DateOnly today)
    {
        foreach (Match match in FlightNumber().Matches(text))
        {
            var written = match.Groups["airline"].Value;
            var airline = written.ToUpperInvariant();
            var threeLetterInLowercase = written.Length == 3 && written != airline;
            if (!airline.Any(char.IsLetter) || NotAirlines.Contains(airline) || threeLetterInLowercase)
            {
                continue;
            }
            // "booking XYZ123": six characters after a booking cue are a record locator, not a three-letter airline code.
            var looksLikeLocator = written.Length == 3 && match.Value.Length == 6 && BookingReferenceExtractor.HasCue(text);
            if (AfterPlaceWord(text, match.Index) || looksLikeLocator)
            {
                continue;
            }
            var number = int.Parse(match.Groups["number"].Value, CultureInfo.InvariantCulture);
            if (number == 0)
            {
                continue;
            }
            yield return new RecognizedEntity(EntityCategories.FlightNumber, match.Value, match.Index, match.Length,
                airline + number.ToString(CultureInfo.InvariantCulture));
        }
    }

    /// <summary>"Gate B12", "seat 12A", "Terminal 2", "Band C4": places at the airport, not flights.</summary>
    private static bool AfterPlaceWord(string text, int index)
    {
        var end = index;
        while (end > 0 && !char.IsLetter(text[end - 1]))
        {
            end--;
        }
        var start = end;
        while (start > 0 && char.IsLetter(text[start - 1]))
        {
            start--;
        }
        return end - start > 0 && PlaceWords.Contains(text[start..end]);
    }

    private static readonly HashSet<string> PlaceWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "gate", "gates", "terminal", "seat", "sitz", "sitzplatz", "platz", "row", "reihe", "counter", "schalter", "belt", "band", "gepäckband",
        "gepaeckband", "carousel", "hall", "halle", "stand", "position", "bus", "zone", "bereich", "area", "level", "ebene",
    };

    /// <summary>Words that look like a code followed by a number but are not flights ("am 14", "on 3", "um 10").</summary>
    private static readonly HashSet<string> NotAirlines = new(StringComparer.Ordinal)
    {
        "AM", "ON", "UM", "AT", "IN", "TO", "BY", "BIS", "VOM", "AB", "ID", "NO", "NR", "CA", "PM", "DER", "DEN", "DIE", "FOR", "THE", "AND", "UND",
        "EUR", "USD", "GBP", "CHF", "KM", "MIN", "STD", "H", "UHR",
        "JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC", "MAI", "MRZ", "OKT", "DEZ",
        "MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN",
    };

    [GeneratedRegex(@"(?<![\p{L}\d])(?<airline>[A-Za-z][A-Za-z0-9]|[0-9][A-Za-z]|[A-Za-z]{3})\s?(?<number>\d{1,4})(?![\p{L}\d]|[.,:]\d)", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 250)]
    private static partial Regex FlightNumber();
}

using System.Globalization;
using System.Text.RegularExpressions;
using CustomerCare.Airports;

namespace CustomerCare.Recognition.Entities;

/// <summary>Airports by IATA code (written in capitals: "FRA", not "fra") or by name, city or alias in either language.</summary>
public sealed partial class AirportExtractor(AirportDirectory airports) : IEntityExtractor
{
    private readonly (string Name, string Iata)[] _names = airports.Named
        .SelectMany(a => new[] { a.Name, a.NameDe }.Concat(a.Aliases).Select(n => (Name: n, a.Iata)))
        .DistinctBy(n => n.Name.ToLowerInvariant())
        .OrderByDescending(n => n.Name.Length)
        .ToArray();

    public IEnumerable<RecognizedEntity> Extract(string text, CultureInfo culture, DateOnly today)
    {
        var found = new List<RecognizedEntity>();
        foreach (var (name, iata) in _names)
        {
            for (var index = text.IndexOf(name, StringComparison.OrdinalIgnoreCase); index >= 0; index = text.IndexOf(name, index + 1, StringComparison.OrdinalIgnoreCase))
            {
                var end = index + name.Length;
                var whole = (index == 0 || !char.IsLetter(text[index - 1])) && (end == text.Length || !char.IsLetter(text[end]));
                if (whole && !found.Any(f => index < f.Offset + f.Length && f.Offset < end))
                {
                    found.Add(new RecognizedEntity(EntityCategories.Airport, text.Substring(index, name.Length), index, name.Length, iata));
                }
            }
        }
        foreach (Match match in Code().Matches(text))
        {
            if (airports.Find(match.Value) is not null && !found.Any(f => match.Index < f.Offset + f.Length && f.Offset < match.Index + match.Length))
            {
                found.Add(new RecognizedEntity(EntityCategories.Airport, match.Value, match.Index, match.Length, match.Value));
            }
        }
        return found.OrderBy(f => f.Offset);
    }

    [GeneratedRegex(@"(?<![\p{L}\d])[A-Z]{3}(?![\p{L}\d])", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 250)]
    private static partial Regex Code();
}

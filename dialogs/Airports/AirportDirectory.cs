using System.Globalization;
using System.Text.Json;

namespace CustomerCare.Airports;

/// <summary>
/// The airports the bot knows: every airport with an IATA code in the OurAirports data (Data/npm, embedded by the
/// build), its regulatory region derived from its country (<see cref="RegulatoryRegions"/>), and for the airports
/// customers name most the English and German names and aliases of Data/airport-names.csv.
/// </summary>
public sealed class AirportDirectory
{
    private readonly Dictionary<string, Airport> _byCode;

    public AirportDirectory(IEnumerable<Airport> airports, IEnumerable<string>? named = null)
    {
        All = airports.ToList();
        _byCode = All.ToDictionary(a => a.Iata, StringComparer.OrdinalIgnoreCase);
        var names = (named ?? All.Select(a => a.Iata)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        Named = All.Where(a => names.Contains(a.Iata)).ToList();
    }

    public IReadOnlyList<Airport> All { get; }

    /// <summary>The airports with names and aliases in both languages (what customers are recognised naming).</summary>
    public IReadOnlyList<Airport> Named { get; }

    public static AirportDirectory Embedded { get; } = Load(
        typeof(AirportDirectory).Assembly.GetManifestResourceStream("CustomerCare.Data.ourairports.json")!,
        typeof(AirportDirectory).Assembly.GetManifestResourceStream("CustomerCare.Data.airport-names.csv")!);

    public Airport? Find(string iata) => _byCode.GetValueOrDefault(iata);

    /// <param name="ourAirports">OurAirports' airports as a JSON array (iata_code, name, iso_country, iso_region, latitude_deg, longitude_deg).</param>
    /// <param name="names">iata,name,name_de,aliases (aliases separated by '|').</param>
    public static AirportDirectory Load(Stream ourAirports, Stream names)
    {
        var named = ReadNames(names);
        var airports = new List<Airport>();
        foreach (var row in JsonSerializer.Deserialize(ourAirports, AirportJsonContext.Default.ListOurAirportsRow) ?? [])
        {
            if (row.IataCode is not { Length: 3 } iata || !double.TryParse(row.Latitude, NumberStyles.Float, CultureInfo.InvariantCulture, out var latitude)
                || !double.TryParse(row.Longitude, NumberStyles.Float, CultureInfo.InvariantCulture, out var longitude) || row.Country is not { Length: 2 } country)
            {
                continue;
            }
            var region = RegulatoryRegions.Of(country, row.Subdivision, iata);
            airports.Add(named.TryGetValue(iata, out var n)
                ? new Airport(iata, n.Name, n.NameDe, [.. n.Aliases, row.Name ?? string.Empty], country, region, latitude, longitude)
                : new Airport(iata, row.Name ?? iata, row.Name ?? iata, [], country, region, latitude, longitude));
        }
        var missing = named.Keys.Where(code => airports.All(a => a.Iata != code)).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidDataException("Airport names are given for airports the airport data does not have: " + string.Join(", ", missing));
        }
        return new AirportDirectory(airports.DistinctBy(a => a.Iata), named.Keys);
    }

    private static Dictionary<string, (string Name, string NameDe, string[] Aliases)> ReadNames(Stream csv)
    {
        using var reader = new StreamReader(csv);
        var names = new Dictionary<string, (string, string, string[])>(StringComparer.OrdinalIgnoreCase);
        reader.ReadLine();
        for (var line = reader.ReadLine(); line is not null; line = reader.ReadLine())
        {
            if (line.Length == 0)
            {
                continue;
            }
            var f = line.Split(',');
            names[f[0]] = (f[1], f[2], f[3].Split('|', StringSplitOptions.RemoveEmptyEntries));
        }
        return names;
    }
}

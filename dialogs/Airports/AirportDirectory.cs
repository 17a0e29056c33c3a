using System.Globalization;

namespace CustomerCare.Airports;

/// <summary>
/// The airports the bot knows: every airport with an IATA code in the OurAirports data (Data/npm, converted and
/// embedded by the build), its regulatory region derived from its country (<see cref="RegulatoryRegions"/>), and for the airports
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
        typeof(AirportDirectory).Assembly.GetManifestResourceStream("CustomerCare.Data.ourairports.tsv")!,
        typeof(AirportDirectory).Assembly.GetManifestResourceStream("CustomerCare.Data.airport-names.csv")!);

    public Airport? Find(string iata) => _byCode.GetValueOrDefault(iata);

    /// <param name="ourAirports">OurAirports' airports, tab-separated: iata, name, country, subdivision, latitude, longitude (the build writes them from the package).</param>
    /// <param name="names">iata,name,name_de,aliases (aliases separated by '|').</param>
    public static AirportDirectory Load(Stream ourAirports, Stream names)
    {
        var named = ReadNames(names);
        var airports = new List<Airport>();
        using var reader = new StreamReader(ourAirports);
        reader.ReadLine();
        for (var line = reader.ReadLine(); line is not null; line = reader.ReadLine())
        {
            var f = line.Split('\t');
            if (f.Length != 6 || f[0].Length != 3 || f[2].Length != 2
                || !double.TryParse(f[4], NumberStyles.Float, CultureInfo.InvariantCulture, out var latitude)
                || !double.TryParse(f[5], NumberStyles.Float, CultureInfo.InvariantCulture, out var longitude))
            {
                continue;
            }
            var (iata, name, country) = (f[0], f[1], f[2]);
            var region = RegulatoryRegions.Of(country, f[3], iata);
            airports.Add(named.TryGetValue(iata, out var n)
                ? new Airport(iata, n.Name, n.NameDe, [.. n.Aliases, name], country, region, latitude, longitude)
                : new Airport(iata, name, name, [], country, region, latitude, longitude));
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

using System.Globalization;

namespace CustomerCare.Airports;

/// <summary>The airports the bot knows, from the embedded Data/airports.csv (or a file in the same format).</summary>
public sealed class AirportDirectory
{
    private readonly Dictionary<string, Airport> _byCode;

    public AirportDirectory(IEnumerable<Airport> airports)
    {
        All = airports.ToList();
        _byCode = All.ToDictionary(a => a.Iata, StringComparer.OrdinalIgnoreCase);
    }

    public IReadOnlyList<Airport> All { get; }

    public static AirportDirectory Embedded { get; } = Load(typeof(AirportDirectory).Assembly.GetManifestResourceStream("CustomerCare.Data.airports.csv")!);

    public Airport? Find(string iata) => _byCode.GetValueOrDefault(iata);

    public static AirportDirectory Load(Stream csv)
    {
        using var reader = new StreamReader(csv);
        var airports = new List<Airport>();
        reader.ReadLine();
        for (var line = reader.ReadLine(); line is not null; line = reader.ReadLine())
        {
            var f = line.Split(',');
            airports.Add(new Airport(
                f[0], f[1], f[2], f[3].Split('|', StringSplitOptions.RemoveEmptyEntries), f[4],
                Enum.TryParse<RegulatoryRegion>(f[5], out var region) ? region : RegulatoryRegion.Other,
                double.Parse(f[6], CultureInfo.InvariantCulture), double.Parse(f[7], CultureInfo.InvariantCulture)));
        }
        return new AirportDirectory(airports);
    }
}

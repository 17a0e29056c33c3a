namespace CustomerCare.Airports;

/// <summary>Where regulation applies: EU261 (EU, EEA, Switzerland), UK261, US DOT, or none of them.</summary>
public enum RegulatoryRegion
{
    Other,
    EU,
    UK,
    US,
}

/// <summary>An airport: its IATA code, names, country, regulatory region and position for great-circle distances.</summary>
public sealed record Airport(string Iata, string Name, string NameDe, IReadOnlyList<string> Aliases, string Country, RegulatoryRegion Region, double Latitude, double Longitude)
{
    private const double EarthRadiusKm = 6371.0;

    /// <summary>Great-circle distance (haversine), as EU261 Art. 7(4) measures it.</summary>
    public double DistanceKmTo(Airport other)
    {
        static double Radians(double degrees) => degrees * Math.PI / 180.0;
        var dLat = Radians(other.Latitude - Latitude);
        var dLon = Radians(other.Longitude - Longitude);
        var a = Math.Pow(Math.Sin(dLat / 2), 2) + (Math.Cos(Radians(Latitude)) * Math.Cos(Radians(other.Latitude)) * Math.Pow(Math.Sin(dLon / 2), 2));
        return 2 * EarthRadiusKm * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }
}

using CustomerCare.Operations;

namespace CustomerCare.Tests.Abuse;

/// <summary>Flights and operations records for the attacks' own bookings, around the demo data's 18 November 2026.</summary>
internal static class Trips
{
    public static readonly DateTime Nov18 = new(2026, 11, 18, 10, 0, 0, DateTimeKind.Utc);

    public static Segment Seg(string flight, string from, string to, DateTime departure, double hours, decimal fare = 640, string currency = "EUR")
        => new(flight, from, to, departure, departure.AddHours(hours), fare, currency);

    /// <summary>CC400 Frankfurt to New York on 18 November, as DEMO01 holds it.</summary>
    public static Segment Cc400() => Seg("CC400", "FRA", "JFK", Nov18, 8.5);

    /// <summary>An operations record: the flight left <paramref name="lateHours"/> late and arrived as late.</summary>
    public static FlightOperation Op(string flight, string from, string to, DateTime departure, double hours, double lateHours, string cause = "TECHNICAL", bool extraordinary = false)
        => new(flight, DateOnly.FromDateTime(departure), from, to, departure, departure.AddHours(hours),
            departure.AddHours(lateHours), departure.AddHours(hours + lateHours), false, null, null, null, lateHours > 0 ? cause : "NONE", extraordinary, EuCarrier: true);
}

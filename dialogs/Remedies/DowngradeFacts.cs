using CustomerCare.Airports;

namespace CustomerCare.Remedies;

/// <summary>One flight a passenger flew in a lower cabin than booked: the flight's own route and the fare paid for it (EU261 Art. 10(2), C-255/15 Mennens).</summary>
public sealed record DowngradeFacts(string FlightNumber, Airport From, Airport To, decimal Fare, string Currency, Cabin Booked, Cabin Flown)
{
    public double DistanceKm => From.DistanceKmTo(To);
}

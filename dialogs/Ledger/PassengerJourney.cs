using CustomerCare.Operations;

namespace CustomerCare.Ledger;

/// <summary>An identified passenger on one of their booking's journeys: who a grant is for.</summary>
public sealed record PassengerJourney(string BookingReference, Passenger Passenger, Journey Journey)
{
    /// <summary>
    /// The journey within its booking: origin and final destination ("FRA-JFK"), so a rebooking onto another flight of
    /// the same booking is the same journey — with the journey's date only where the booking holds the route twice.
    /// </summary>
    public string Route { get; init; } = Journey.Origin + "-" + Journey.Destination;

    /// <summary>The passenger on a journey of this booking.</summary>
    public static PassengerJourney On(Booking booking, Passenger passenger, Journey journey)
    {
        var route = journey.Origin + "-" + journey.Destination;
        var repeated = Journey.Of(booking).Count(j => j.Origin == journey.Origin && j.Destination == journey.Destination) > 1;
        return new PassengerJourney(booking.RecordLocator, passenger, journey)
        {
            Route = repeated ? route + "@" + journey.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : route,
        };
    }
}

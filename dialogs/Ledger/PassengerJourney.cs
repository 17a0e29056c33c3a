using System.Text.Json.Serialization;
using CustomerCare.Operations;

namespace CustomerCare.Ledger;

/// <summary>An identified passenger on one of their booking's journeys: who a grant is for.</summary>
public sealed record PassengerJourney(string BookingReference, Passenger Passenger, Journey Journey)
{
    /// <summary>The journey within its booking: origin and final destination ("FRA-JFK"); a rebooking onto another flight of the same booking keeps it.</summary>
    [JsonIgnore]
    public string Route => Journey.Origin + "-" + Journey.Destination;
}

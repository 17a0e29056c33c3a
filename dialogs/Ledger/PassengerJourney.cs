using CustomerCare.Operations;

namespace CustomerCare.Ledger;

/// <summary>An identified passenger on one of their booking's journeys: who a grant is for.</summary>
public sealed record PassengerJourney(string BookingReference, Passenger Passenger, Journey Journey);

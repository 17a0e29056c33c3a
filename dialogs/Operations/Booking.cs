using CustomerCare.Remedies;

namespace CustomerCare.Operations;

/// <summary>A booking: its record locator, the passengers on it, and the flights (segments) it holds.</summary>
public sealed record Booking(string RecordLocator, IReadOnlyList<Passenger> Passengers, IReadOnlyList<Segment> Segments);

public sealed record Passenger(string PassengerId, string FirstName, string LastName, LoyaltyTier Tier, string? Email = null)
{
    public string FullName => FirstName + " " + LastName;
}

/// <summary>One flight on a booking as sold: scheduled times (UTC), route, and the fare paid for it.</summary>
public sealed record Segment(string FlightNumber, string Origin, string Destination, DateTime ScheduledDepartureUtc, DateTime ScheduledArrivalUtc, decimal Fare, string Currency);

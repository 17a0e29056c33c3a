using System.Text.Json.Serialization;
using CustomerCare.Remedies;

namespace CustomerCare.Operations;

/// <summary>A booking: its record locator, the passengers on it, and the flights (segments) it holds.</summary>
public sealed record Booking(string RecordLocator, IReadOnlyList<Passenger> Passengers, IReadOnlyList<Segment> Segments)
{
    /// <summary>How the booking was paid, as the payment system knows it (a payment service's reference): where a payout refunds to.</summary>
    public string? PaymentReference { get; init; }

    /// <summary>The flights passengers were rebooked onto after irregular operations, and the booked flights they replace.</summary>
    public IReadOnlyList<Rebooking> Rebookings { get; init; } = [];

    /// <summary>The cabin each passenger booked and flew, where departure control recorded a change.</summary>
    public IReadOnlyList<CabinRecord> Cabins { get; init; } = [];

    /// <summary>The property irregularity reports for the booking's checked bags.</summary>
    public IReadOnlyList<BagRecord> Bags { get; init; } = [];

    /// <summary>The booking's e-mail address for a passenger: their own, else the first one given on the booking.</summary>
    public string? EmailFor(Passenger passenger) => passenger.Email ?? Passengers.Select(p => p.Email).FirstOrDefault(e => !string.IsNullOrWhiteSpace(e));
}

/// <summary>A passenger on a booking; the e-ticket number, where the data has one, identifies them across bookings.</summary>
public sealed record Passenger(string PassengerId, string FirstName, string LastName, LoyaltyTier Tier, string? Email = null, string? TicketNumber = null)
{
    [JsonIgnore]
    public string FullName => FirstName + " " + LastName;

    /// <summary>Public unless the booking system marks the ticket free of charge or at a fare not available to the public.</summary>
    public FareType FareType { get; init; }

    /// <summary>The tags of the bags this passenger checked in: a bag report names one of them.</summary>
    public IReadOnlyList<string> BagTags { get; init; } = [];
}

/// <summary>One flight on a booking as sold: scheduled times (UTC), route, and the fare paid for it.</summary>
public sealed record Segment(string FlightNumber, string Origin, string Destination, DateTime ScheduledDepartureUtc, DateTime ScheduledArrivalUtc, decimal Fare, string Currency)
{
    [JsonIgnore]
    public DateOnly ScheduledDate => DateOnly.FromDateTime(ScheduledDepartureUtc);

    /// <summary>Whether a record names this flight on its day ("cc 400" and "CC400" are one flight).</summary>
    public bool Is(string flightNumber, DateOnly scheduledDate)
        => scheduledDate == ScheduledDate && FlightKeys.Number(flightNumber) == FlightKeys.Number(FlightNumber);
}

using CustomerCare.Ledger;
using CustomerCare.Operations;
using CustomerCare.Remedies;

namespace CustomerCare.Grants;

/// <summary>An identified passenger and journey of a booking, and the kind of disruption reported for it.</summary>
public sealed record DisruptionClaim(Booking Booking, PassengerJourney Who, DisruptionKind Reported)
{
    /// <summary>The traveller on the same booking who makes the claim for this passenger, when it is someone else.</summary>
    public Passenger? ClaimedBy { get; init; }

    /// <summary>For a bag: the file reference of its property irregularity report, as the customer gave it.</summary>
    public string? BagFileReference { get; init; }

    public Passenger Passenger => Who.Passenger;

    public Journey Journey => Who.Journey;

    /// <summary>The booking's currency: the one overrides are made in.</summary>
    public string Currency => Journey.First.Currency;

    /// <summary>How a grant for this claim reads: the passenger, the disrupted flight and the kind the data showed, and the journey's flights.</summary>
    public GrantSubject Subject(string flightNumber, DateOnly scheduledDate, DisruptionKind kind) => new(Passenger.PassengerId, Booking.RecordLocator, flightNumber, scheduledDate, kind)
    {
        Flights = Journey.Segments.Select(s => s.FlightNumber + " " + IsoDates.Format(s.ScheduledDate)).ToList(),
        PassengerName = Passenger.FullName,
        TicketNumber = Passenger.TicketNumber,
        PaymentReference = Booking.PaymentReference,
        ClaimedBy = ClaimedBy is { } claimant && claimant.PassengerId != Passenger.PassengerId ? claimant.FullName : null,
    };
}

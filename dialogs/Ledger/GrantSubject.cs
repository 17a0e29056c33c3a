using CustomerCare.Remedies;

namespace CustomerCare.Ledger;

/// <summary>
/// What a grant was for, as people read it: the passenger on a booking, the disrupted flight on its scheduled date,
/// the kind of disruption the operations data showed, and the journey's flights. It describes; the entitlements
/// the grant uses up (<see cref="EntitlementClaims"/>) are what keep it to once.
/// </summary>
public sealed record GrantSubject(string PassengerId, string BookingReference, string FlightNumber, DateOnly ScheduledDate, DisruptionKind Kind)
{
    /// <summary>The journey's flights ("CC220 2026-11-17"); empty for grants recorded before journeys were.</summary>
    public IReadOnlyList<string> Flights { get; init; } = [];

    public string? PassengerName { get; init; }

    public string? TicketNumber { get; init; }

    /// <summary>The booking's payment reference, where the booking system gave one: the original payment method a payout refunds to.</summary>
    public string? PaymentReference { get; init; }

    /// <summary>The co-traveller on the same booking who claimed for this passenger; null when the passenger claimed, or a person granted.</summary>
    public string? ClaimedBy { get; init; }
}

namespace CustomerCare.Operations;

/// <summary>
/// A flight a passenger was rebooked onto after irregular operations, as the booking (PNR) shows it: which booked
/// flight it replaces. A booked flight replaced by two flights has two rebookings; one flight replacing two booked
/// flights (a direct flight for a connection) is named by both.
/// </summary>
public sealed record Rebooking(string PassengerId, string ReplacesFlightNumber, DateOnly ReplacesDate, string FlightNumber, DateOnly ScheduledDate)
{
    public bool Replaces(Segment segment)
        => segment.Is(ReplacesFlightNumber, ReplacesDate);
}

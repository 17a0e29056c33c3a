namespace CustomerCare.Operations;

/// <summary>
/// What flight operations recorded for one flight on one day: actual times, a cancellation with its notice,
/// the re-routing offered, and the cause (and whether it counts as extraordinary).
/// </summary>
public sealed record FlightOperation(
    string FlightNumber,
    DateOnly ScheduledDate,
    string Origin,
    string Destination,
    DateTime ScheduledDepartureUtc,
    DateTime ScheduledArrivalUtc,
    DateTime? ActualDepartureUtc,
    DateTime? ActualArrivalUtc,
    bool Cancelled,
    DateTime? CancellationNoticeUtc,
    DateTime? RerouteDepartureUtc,
    DateTime? RerouteArrivalUtc,
    string CauseCode,
    bool Extraordinary,
    bool EuCarrier,
    bool UkCarrier = false)
{
    public TimeSpan ArrivalDelay => (ActualArrivalUtc ?? ScheduledArrivalUtc) - ScheduledArrivalUtc;
}

using CustomerCare.Airports;
using CustomerCare.Remedies;

namespace CustomerCare.Operations;

/// <summary>
/// A reported bag, from its property irregularity report: the report must be the passenger's, for a flight of the
/// journey; the passenger was without the bag from the flight's arrival until they received it (or until now, while
/// it is still missing).
/// </summary>
public static class BagReportFacts
{
    /// <param name="operations">The record of each flight of the journey, in its order; null where there is none.</param>
    public static FactsFinding Establish(Booking booking, Passenger passenger, Journey journey, string? fileReference, IReadOnlyList<FlightOperation?> operations, AirportDirectory airports, DateTime nowUtc)
    {
        var bag = Find(booking, passenger, journey, fileReference);
        if (bag is null)
        {
            return new FactsFinding.NotRecorded(journey);
        }
        var index = journey.Segments.ToList().FindIndex(bag.IsFor);
        var (segment, record) = (journey.Segments[index], operations[index]);
        if (record is null || airports.Find(journey.Origin) is not { } origin || airports.Find(journey.Destination) is not { } destination)
        {
            return new FactsFinding.Missing(segment);
        }
        var landed = record.ActualArrivalUtc ?? record.ScheduledArrivalUtc;
        var without = bag.Status == BagStatus.Damaged ? TimeSpan.Zero : (bag.ReceivedUtc ?? nowUtc) - landed;
        var facts = new DisruptionFacts
        {
            Kind = DisruptionKind.Baggage,
            Origin = origin,
            Destination = destination,
            EuCarrier = record.EuCarrier,
            UkCarrier = record.UkCarrier,
            ScheduledDepartureUtc = journey.First.ScheduledDepartureUtc,
            ScheduledArrivalUtc = journey.Last.ScheduledArrivalUtc,
            OneWayFare = journey.Segments.Sum(s => s.Fare),
            FareCurrency = journey.First.Currency,
            Bag = new BagFacts(bag.Status, Math.Max(0, without.TotalHours), bag.ReportedUtc, bag.ReceivedUtc, nowUtc),
        };
        return new FactsFinding.Established(facts, record);
    }

    /// <summary>The report under that file reference for one of the passenger's bags on a flight of the journey.</summary>
    public static BagRecord? Find(Booking booking, Passenger passenger, Journey journey, string? fileReference)
        => Find(booking, journey, fileReference, passenger.PassengerId);

    /// <summary>
    /// The report under that file reference on a flight of the journey (of that passenger, when one is given). A report
    /// listing several of one passenger's bags gives the one worst off: lost, damaged, missing, then delivered.
    /// </summary>
    public static BagRecord? Find(Booking booking, Journey journey, string? fileReference, string? passengerId = null)
        => BagRecord.NormalizeFileReference(fileReference) is not { } reference ? null
            : booking.Bags
                .Where(b => b.FileReference == reference && (passengerId is null || b.PassengerId == passengerId) && journey.Segments.Any(b.IsFor))
                .OrderBy(b => b.Status switch { BagStatus.Lost => 0, BagStatus.Damaged => 1, BagStatus.Missing => 2, _ => 3 })
                .FirstOrDefault();
}

using CustomerCare.Airports;
using CustomerCare.Remedies;

namespace CustomerCare.Operations;

/// <summary>
/// A reported downgrade, from departure control's cabin records: the flights of the journey the passenger flew in a
/// lower cabin than booked, each with its own route and fare (EU261 Art. 10(2) is per flight).
/// </summary>
public static class CabinFacts
{
    /// <param name="operations">The record of each flight of the journey, in its order; null where there is none.</param>
    public static FactsFinding Establish(Booking booking, Passenger passenger, Journey journey, IReadOnlyList<FlightOperation?> operations, AirportDirectory airports)
    {
        var downgraded = journey.Segments
            .Select((segment, i) => (Segment: segment, Record: operations[i], Cabin: booking.Cabins.FirstOrDefault(c => c.PassengerId == passenger.PassengerId && c.IsFor(segment))))
            .Where(f => f.Cabin is { Downgraded: true })
            .ToList();
        if (downgraded.Count == 0)
        {
            return new FactsFinding.NotRecorded(journey);
        }
        if (downgraded.FirstOrDefault(f => f.Record is null || airports.Find(f.Segment.Origin) is null || airports.Find(f.Segment.Destination) is null) is { Segment: { } missing })
        {
            return new FactsFinding.Missing(missing);
        }
        var first = downgraded[0];
        var facts = new DisruptionFacts
        {
            Kind = DisruptionKind.Downgrade,
            // Art. 10 is about the flight: its own route decides the regulation and the band.
            Origin = airports.Find(first.Segment.Origin)!,
            Destination = airports.Find(first.Segment.Destination)!,
            EuCarrier = first.Record!.EuCarrier,
            UkCarrier = first.Record.UkCarrier,
            ScheduledDepartureUtc = first.Segment.ScheduledDepartureUtc,
            ScheduledArrivalUtc = first.Segment.ScheduledArrivalUtc,
            OneWayFare = journey.Segments.Sum(s => s.Fare),
            FareCurrency = journey.First.Currency,
            Downgrades = downgraded.Select(f => new DowngradeFacts(f.Segment.FlightNumber, airports.Find(f.Segment.Origin)!, airports.Find(f.Segment.Destination)!,
                f.Segment.Fare, f.Segment.Currency, f.Cabin!.Booked, f.Cabin.Flown)).ToList(),
        };
        return new FactsFinding.Established(facts, first.Record);
    }
}

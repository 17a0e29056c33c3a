using CustomerCare.Airports;
using CustomerCare.Remedies;

namespace CustomerCare.Operations;

/// <summary>
/// Turns the operations records of a journey's flights into the facts the policy evaluates — what happened, not what was
/// claimed. A journey is assessed on its arrival at the final destination over the distance from its first origin
/// (CJEU C-11/11 Folkerts, C-559/16 Bossen); the kind reported only decides which facts must be shown.
/// </summary>
public static class JourneyFacts
{
    /// <summary>Below this (or the scheduled connection, if shorter) between landing and the next departure, the connection was missed.</summary>
    public static readonly TimeSpan MinimumConnection = TimeSpan.FromMinutes(45);

    /// <summary>An arrival this late is a delay the records show.</summary>
    public static readonly TimeSpan NoticeableDelay = TimeSpan.FromMinutes(15);

    /// <param name="operations">The record of each flight of the journey, in its order; null where there is none.</param>
    public static FactsFinding Establish(DisruptionKind reported, Journey journey, IReadOnlyList<FlightOperation?> operations, AirportDirectory airports)
    {
        for (var i = 0; i < journey.Segments.Count; i++)
        {
            if (operations[i] is null || airports.Find(operations[i]!.Origin) is null || airports.Find(operations[i]!.Destination) is null)
            {
                return new FactsFinding.Missing(journey.Segments[i]);
            }
        }
        var records = operations.Select(o => o!).ToList();
        var last = records[^1];
        if (records.FirstOrDefault(r => r.Cancelled) is { } cancelled)
        {
            return reported != DisruptionKind.Cancellation ? new FactsFinding.NotShown(cancelled)
                : journey.HasConnections ? new FactsFinding.ArrivalUnknown(cancelled)
                : Established(journey, records, airports, DisruptionKind.Cancellation, cancelled);
        }
        if (MissedConnection(journey, records) is { } missed)
        {
            return reported is DisruptionKind.Delay or DisruptionKind.MissedConnection ? new FactsFinding.ArrivalUnknown(missed) : new FactsFinding.NotShown(missed);
        }
        switch (reported)
        {
            case DisruptionKind.DeniedBoarding:
                var substituted = records.LastOrDefault(r => r.RerouteArrivalUtc is not null);
                return substituted is null ? new FactsFinding.NotShown(last)
                    : substituted != last || journey.HasConnections ? new FactsFinding.ArrivalUnknown(substituted)
                    : Established(journey, records, airports, DisruptionKind.DeniedBoarding, substituted);
            case DisruptionKind.MissedConnection or DisruptionKind.Cancellation:
                return new FactsFinding.NotShown(last);
            case DisruptionKind.Delay:
                return last.ArrivalDelay < NoticeableDelay ? new FactsFinding.NotShown(last) : Established(journey, records, airports, DisruptionKind.Delay, last);
            default:
                return Established(journey, records, airports, reported, records.MaxBy(r => r.ArrivalDelay)!);
        }
    }

    private static FlightOperation? MissedConnection(Journey journey, IReadOnlyList<FlightOperation> records)
    {
        for (var i = 0; i + 1 < records.Count; i++)
        {
            var landed = records[i].ActualArrivalUtc ?? records[i].ScheduledArrivalUtc;
            var leaves = records[i + 1].ActualDepartureUtc ?? records[i + 1].ScheduledDepartureUtc;
            var scheduled = journey.Segments[i + 1].ScheduledDepartureUtc - journey.Segments[i].ScheduledArrivalUtc;
            if (leaves - landed < (scheduled < MinimumConnection ? scheduled : MinimumConnection))
            {
                return records[i];
            }
        }
        return null;
    }

    private static FactsFinding.Established Established(Journey journey, IReadOnlyList<FlightOperation> records, AirportDirectory airports, DisruptionKind kind, FlightOperation disrupted)
    {
        var (first, last) = (records[0], records[^1]);
        var delayed = records.Where(r => r.ArrivalDelay >= NoticeableDelay).ToList();
        var facts = new DisruptionFacts
        {
            Kind = kind,
            Origin = airports.Find(journey.Origin) ?? airports.Find(first.Origin)!,
            Destination = airports.Find(journey.Destination) ?? airports.Find(last.Destination)!,
            EuCarrier = last.EuCarrier,
            UkCarrier = last.UkCarrier,
            ScheduledDepartureUtc = first.ScheduledDepartureUtc,
            ScheduledArrivalUtc = last.ScheduledArrivalUtc,
            ActualDepartureUtc = first.ActualDepartureUtc,
            ActualArrivalUtc = last.ActualArrivalUtc,
            CancellationNoticeUtc = disrupted.CancellationNoticeUtc,
            RerouteDepartureUtc = disrupted.RerouteDepartureUtc,
            RerouteArrivalUtc = disrupted.RerouteArrivalUtc,
            // The cause that counts is the one behind the delay: extraordinary only when every delayed flight's cause was.
            Extraordinary = kind is DisruptionKind.Cancellation or DisruptionKind.DeniedBoarding || delayed.Count == 0 ? disrupted.Extraordinary : delayed.All(r => r.Extraordinary),
            OneWayFare = journey.Segments.Sum(s => s.Fare),
            FareCurrency = journey.First.Currency,
        };
        return new FactsFinding.Established(facts, disrupted);
    }
}

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
    /// <param name="rebooked">
    /// The passenger's rebooking off the journey's flights, if any: a cancelled or missed flight they were rebooked off
    /// is assessed on the arrival of their replacement at the final destination. Without one, that arrival is unknown.
    /// </param>
    public static FactsFinding Establish(DisruptionKind reported, Journey journey, IReadOnlyList<FlightOperation?> operations, AirportDirectory airports, Rebooked? rebooked = null)
    {
        for (var i = 0; i < journey.Segments.Count; i++)
        {
            if (operations[i] is null || airports.Find(operations[i]!.Origin) is null || airports.Find(operations[i]!.Destination) is null)
            {
                return new FactsFinding.Missing(journey.Segments[i]);
            }
        }
        var records = operations.Select(o => o!).ToList();
        if (rebooked is not null && rebooked.Replaced.Count != records.Count)
        {
            throw new ArgumentException("A rebooking says for each flight of the journey whether it was replaced.", nameof(rebooked));
        }
        var last = records[^1];
        var cancelledAt = records.FindIndex(r => r.Cancelled);
        if (cancelledAt >= 0)
        {
            var cancelled = records[cancelledAt];
            return reported != DisruptionKind.Cancellation ? new FactsFinding.NotShown(cancelled)
                : FlownInstead(journey, records, rebooked, cancelledAt) is { } flown ? Rerouted(journey, records, airports, DisruptionKind.Cancellation, cancelled, flown)
                : journey.HasConnections ? new FactsFinding.ArrivalUnknown(cancelled)
                : Established(journey, records, airports, DisruptionKind.Cancellation, cancelled);
        }
        if (MissedConnection(journey, records) is { } missedAt)
        {
            var missed = records[missedAt];
            // A missed connection is a fact when the records show it and the passenger's booking shows the rebooking off the flight missed.
            return reported is not (DisruptionKind.Delay or DisruptionKind.MissedConnection) ? new FactsFinding.NotShown(missed)
                : FlownInstead(journey, records, rebooked, missedAt + 1) is { } flown ? Rerouted(journey, records, airports, DisruptionKind.MissedConnection, missed, flown)
                : new FactsFinding.ArrivalUnknown(missed);
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

    /// <summary>The flights the passenger flew instead, when their booking shows them rebooked off the flight at that index.</summary>
    private static IReadOnlyList<FlightOperation>? FlownInstead(Journey journey, IReadOnlyList<FlightOperation> records, Rebooked? rebooked, int index)
        => rebooked is not null && rebooked.Replaced[index] ? rebooked.Itinerary(journey, records) : null;

    /// <summary>Facts of a journey flown on replacement flights: the arrival at the final destination is the last replacement's.</summary>
    private static FactsFinding.Established Rerouted(Journey journey, IReadOnlyList<FlightOperation> records, AirportDirectory airports, DisruptionKind kind, FlightOperation disrupted,
        IReadOnlyList<FlightOperation> flown)
    {
        var established = Established(journey, records, airports, kind, disrupted);
        var (first, last) = (flown[0], flown[^1]);
        var arrival = last.ActualArrivalUtc ?? last.ScheduledArrivalUtc;
        var facts = established.Facts with
        {
            ActualArrivalUtc = arrival,
            RerouteDepartureUtc = kind == DisruptionKind.Cancellation ? first.ActualDepartureUtc ?? first.ScheduledDepartureUtc : null,
            RerouteArrivalUtc = kind == DisruptionKind.Cancellation ? arrival : null,
        };
        var replaced = journey.Segments.Select(s => s.FlightNumber).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return established with { Facts = facts, FlownOn = flown.Where(f => !replaced.Contains(f.FlightNumber)).Select(f => f.FlightNumber).ToList() };
    }

    private static int? MissedConnection(Journey journey, IReadOnlyList<FlightOperation> records)
    {
        for (var i = 0; i + 1 < records.Count; i++)
        {
            var landed = records[i].ActualArrivalUtc ?? records[i].ScheduledArrivalUtc;
            var leaves = records[i + 1].ActualDepartureUtc ?? records[i + 1].ScheduledDepartureUtc;
            var scheduled = journey.Segments[i + 1].ScheduledDepartureUtc - journey.Segments[i].ScheduledArrivalUtc;
            if (leaves - landed < (scheduled < MinimumConnection ? scheduled : MinimumConnection))
            {
                return i;
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

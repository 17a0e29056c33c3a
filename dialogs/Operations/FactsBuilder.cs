using CustomerCare.Airports;
using CustomerCare.Remedies;

namespace CustomerCare.Operations;

/// <summary>Turns the operations record of a booked flight into the facts the policy evaluates (what happened, not what was claimed).</summary>
public static class FactsBuilder
{
    public static DisruptionFacts? Build(DisruptionKind reported, Segment segment, FlightOperation operation, AirportDirectory airports)
    {
        if (airports.Find(operation.Origin) is not { } origin || airports.Find(operation.Destination) is not { } destination)
        {
            return null;
        }
        return new DisruptionFacts
        {
            Kind = operation.Cancelled ? DisruptionKind.Cancellation : reported,
            Origin = origin,
            Destination = destination,
            EuCarrier = operation.EuCarrier,
            UkCarrier = operation.UkCarrier,
            ScheduledDepartureUtc = operation.ScheduledDepartureUtc,
            ScheduledArrivalUtc = operation.ScheduledArrivalUtc,
            ActualDepartureUtc = operation.ActualDepartureUtc,
            ActualArrivalUtc = operation.ActualArrivalUtc,
            CancellationNoticeUtc = operation.CancellationNoticeUtc,
            RerouteDepartureUtc = operation.RerouteDepartureUtc,
            RerouteArrivalUtc = operation.RerouteArrivalUtc,
            Extraordinary = operation.Extraordinary,
            OneWayFare = segment.Fare,
            FareCurrency = segment.Currency,
        };
    }

    /// <summary>Does the operations record show the kind of disruption the customer reported? If not, a person looks at it.</summary>
    public static bool Confirms(DisruptionKind reported, FlightOperation operation) => reported switch
    {
        DisruptionKind.Cancellation => operation.Cancelled,
        DisruptionKind.Delay or DisruptionKind.MissedConnection => !operation.Cancelled && operation.ArrivalDelay >= TimeSpan.FromMinutes(15),
        DisruptionKind.DeniedBoarding => operation.RerouteArrivalUtc is not null,
        _ => true,
    };
}

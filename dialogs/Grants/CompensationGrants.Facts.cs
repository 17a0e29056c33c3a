using CustomerCare.Operations;
using CustomerCare.Remedies;

namespace CustomerCare.Grants;

/// <summary>What the records show for a claim: the cabin records for a downgrade, the bag's report for a bag, else the journey's flights as the passenger flew them.</summary>
public sealed partial class CompensationGrants
{
    private async Task<FactsFinding> FindFactsAsync(DisruptionClaim claim, CancellationToken cancellationToken)
    {
        var records = new List<FlightOperation?>();
        foreach (var segment in claim.Journey.Segments)
        {
            records.Add(await operations.FindFlightAsync(segment.FlightNumber, segment.ScheduledDate, cancellationToken).ConfigureAwait(false));
        }
        return claim.Reported switch
        {
            DisruptionKind.Downgrade => CabinFacts.Establish(claim.Booking, claim.Passenger, claim.Journey, records, airports),
            DisruptionKind.Baggage => BagReportFacts.Establish(claim.Booking, claim.Passenger, claim.Journey, claim.BagFileReference, records, airports, clock.GetUtcNow().UtcDateTime),
            _ => JourneyFacts.Establish(claim.Reported, claim.Journey, records, airports, await RebookedAsync(claim, cancellationToken).ConfigureAwait(false)),
        };
    }

    /// <summary>The passenger's rebooking off the journey's flights, with the records of the flights they were rebooked onto; null when they flew as booked.</summary>
    private async Task<Rebooked?> RebookedAsync(DisruptionClaim claim, CancellationToken cancellationToken)
    {
        if (Rebooked.Of(claim.Booking, claim.Passenger.PassengerId, claim.Journey) is not { } rebookings)
        {
            return null;
        }
        var replacements = new List<FlightOperation?>();
        foreach (var flight in rebookings.DistinctBy(r => (FlightKeys.Number(r.FlightNumber), r.ScheduledDate)))
        {
            replacements.Add(await operations.FindFlightAsync(flight.FlightNumber, flight.ScheduledDate, cancellationToken).ConfigureAwait(false));
        }
        return new Rebooked(claim.Journey.Segments.Select(s => rebookings.Any(r => r.Replaces(s))).ToList(), replacements);
    }
}

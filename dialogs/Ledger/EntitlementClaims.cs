using System.Globalization;
using CustomerCare.Operations;
using CustomerCare.Remedies;

namespace CustomerCare.Ledger;

/// <summary>
/// What counts as one entitlement, whatever kind of disruption was reported, whichever flight of the journey is named,
/// whichever booking the passenger is on (a rebooking into a new record locator), channel or person asks: each kind
/// of remedy at most once per passenger and journey. A grant claims its kinds on every flight of the journey, under
/// the passenger's ticket number (where the data has one) and under their normalised name, so a second grant for any
/// flight of the journey, under either identity, collides.
/// </summary>
public static class EntitlementClaims
{
    public static IReadOnlyList<EntitlementClaim> For(PassengerJourney who, IEnumerable<RemedyKind> kinds)
    {
        var ticket = NormalizedTicket(who.Passenger.TicketNumber);
        var name = NameMatch.Fold(who.Passenger.FirstName) + "/" + NameMatch.Fold(who.Passenger.LastName);
        var claims = new List<EntitlementClaim>();
        foreach (var kind in kinds.Distinct())
        {
            foreach (var segment in who.Journey.Segments)
            {
                var flight = Flight(segment);
                if (ticket is not null)
                {
                    claims.Add(new EntitlementClaim(string.Join('|', kind, flight, "T:" + ticket), kind, ticket, ByName: false));
                }
                claims.Add(new EntitlementClaim(string.Join('|', kind, flight, "N:" + name), kind, ticket, ByName: true));
            }
        }
        return claims;
    }

    /// <summary>
    /// The keys grants were stored under before entitlements followed the journey (passenger id, booking, flight, date
    /// and the kind reported): one such grant held every entitlement of its family for that flight.
    /// </summary>
    public static IReadOnlyList<string> LegacyKeys(PassengerJourney who, IEnumerable<RemedyKind> kinds)
    {
        var families = kinds.Select(k => k is RemedyKind.InterimExpenses or RemedyKind.BagFeeRefund).Distinct().ToList();
        var reported = families.SelectMany(bags => bags ? [DisruptionKind.Baggage] : FlightKinds).ToList();
        return who.Journey.Segments
            .SelectMany(s => reported.Select(kind => string.Join('|',
                who.Passenger.PassengerId.Trim().ToUpperInvariant(), who.BookingReference.Trim().ToUpperInvariant(), Flight(s), kind.ToString())))
            .ToList();
    }

    /// <summary>Which kinds an entry holds: what it recorded, or for an older entry every kind of its family.</summary>
    public static IReadOnlyList<RemedyKind> HeldBy(LedgerEntry entry)
        => entry.UsesUp.Count > 0 ? entry.UsesUp
            : entry.Subject.Kind == DisruptionKind.Baggage ? [RemedyKind.InterimExpenses, RemedyKind.BagFeeRefund]
            : [RemedyKind.Compensation, RemedyKind.Care, RemedyKind.Refund, RemedyKind.Goodwill];

    private static readonly DisruptionKind[] FlightKinds =
        [DisruptionKind.Delay, DisruptionKind.Cancellation, DisruptionKind.DeniedBoarding, DisruptionKind.MissedConnection, DisruptionKind.Downgrade];

    private static string Flight(Segment segment)
        => segment.FlightNumber.Replace(" ", string.Empty, StringComparison.Ordinal).ToUpperInvariant() + "|" + segment.ScheduledDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string? NormalizedTicket(string? ticket)
    {
        var digits = new string((ticket ?? string.Empty).Where(char.IsAsciiLetterOrDigit).ToArray()).ToUpperInvariant();
        return digits.Length == 0 ? null : digits;
    }
}

using CustomerCare.Operations;
using CustomerCare.Remedies;

namespace CustomerCare.Ledger;

/// <summary>
/// What counts as one entitlement, whatever kind of disruption was reported, whichever flight of the journey is named,
/// whichever booking the passenger is on (a rebooking into a new record locator), channel or person asks: each kind
/// of remedy at most once per passenger and journey. A grant claims its kinds on every flight of the journey, under
/// the passenger's ticket number (where the data has one) and under their normalised name (both spellings of a name
/// with umlauts); and on their booking, as that booking's passenger on the journey's route around the journey's date —
/// so a reissued ticket, a corrected name or a rebooking onto another flight of the same booking within
/// <see cref="EntitlementClaim.RebookingDays"/> days is still the same passenger and journey. A second grant that
/// shares any of these claims collides.
/// </summary>
public static class EntitlementClaims
{
    /// <param name="family">Which disruption of the journey: a flight's or a bag's goodwill are two entitlements.</param>
    public static IReadOnlyList<EntitlementClaim> For(PassengerJourney who, IEnumerable<RemedyKind> kinds, DisruptionFamily family = DisruptionFamily.Flight)
    {
        var ticket = NormalizedTicket(who.Passenger.TicketNumber);
        var (first, last) = (NameMatch.GivenForms(who.Passenger.FirstName), NameMatch.Forms(who.Passenger.LastName));
        // Every spelling of the first name with every spelling of the last: "JUERGEN MULLER" is Jürgen Müller too.
        var names = first.SelectMany(f => last.Select(l => f + "/" + l)).Distinct().ToList();
        var booking = "B:" + who.BookingReference.Trim().ToUpperInvariant() + "/" + who.Passenger.PassengerId.Trim().ToUpperInvariant();
        var claims = new List<EntitlementClaim>();
        foreach (var kind in kinds.Distinct())
        {
            var entitlement = kind == RemedyKind.Goodwill && family == DisruptionFamily.Bag ? "Goodwill.Bag" : kind.ToString();
            claims.Add(new EntitlementClaim(entitlement, booking + "|R:" + who.Route, kind, ticket, ByName: false, who.Journey.Date));
            foreach (var segment in who.Journey.Segments)
            {
                var flight = Flight(segment);
                if (ticket is not null)
                {
                    claims.Add(new EntitlementClaim(entitlement, flight + "|T:" + ticket, kind, ticket, ByName: false));
                }
                claims.AddRange(names.Select(name => new EntitlementClaim(entitlement, flight + "|N:" + name, kind, ticket, ByName: true)));
            }
        }
        return claims;
    }

    /// <summary>One claim per receipt file (the bot's upload id, or the link for a file elsewhere): a file is paid back once, for whomever.</summary>
    public static IReadOnlyList<EntitlementClaim> ForReceipts(IEnumerable<CareReceipt> receipts)
        => receipts.Select(r => Schema.UploadLinks.IdOf(r.ContentUrl) is { } upload ? "U:" + upload : "L:" + r.ContentUrl)
            .Distinct(StringComparer.Ordinal)
            .Select(identity => new EntitlementClaim("Receipt", identity, RemedyKind.Care, TicketNumber: null, ByName: false))
            .ToList();

    /// <summary>
    /// The keys grants were stored under before entitlements followed the journey (passenger id, booking, flight, date
    /// and the kind reported): one such grant held every entitlement of its family for that flight.
    /// </summary>
    public static IReadOnlyList<string> LegacyKeys(PassengerJourney who, DisruptionFamily family)
    {
        var reported = family == DisruptionFamily.Bag ? [DisruptionKind.Baggage] : FlightKinds;
        return who.Journey.Segments
            .SelectMany(s => reported.Select(kind => string.Join('|',
                who.Passenger.PassengerId.Trim().ToUpperInvariant(), who.BookingReference.Trim().ToUpperInvariant(), LegacyFlight(s), kind.ToString())))
            .ToList();
    }

    /// <summary>Which kinds an entry holds: what it recorded, or for an older entry every kind of its family.</summary>
    public static IReadOnlyList<RemedyKind> HeldBy(LedgerEntry entry)
        => entry.UsesUp.Count > 0 ? entry.UsesUp
            : entry.Subject.Kind == DisruptionKind.Baggage ? [RemedyKind.InterimExpenses, RemedyKind.BagFeeRefund]
            : [RemedyKind.Compensation, RemedyKind.Care, RemedyKind.Refund, RemedyKind.Goodwill];

    private static readonly DisruptionKind[] FlightKinds =
        [DisruptionKind.Delay, DisruptionKind.Cancellation, DisruptionKind.DeniedBoarding, DisruptionKind.MissedConnection, DisruptionKind.Downgrade];

    /// <summary>A flight on its date, the scope of name and ticket claims: "CC400@2026-11-18".</summary>
    private static string Flight(Segment segment) => FlightKeys.Of(segment.FlightNumber, segment.ScheduledDate, '@');

    private static string LegacyFlight(Segment segment) => FlightKeys.Of(segment.FlightNumber, segment.ScheduledDate);

    private static string? NormalizedTicket(string? ticket)
    {
        var digits = new string((ticket ?? string.Empty).Where(char.IsAsciiLetterOrDigit).ToArray()).ToUpperInvariant();
        return digits.Length == 0 ? null : digits;
    }
}

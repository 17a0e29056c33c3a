using CustomerCare.Remedies;

namespace CustomerCare.Ledger;

/// <summary>
/// One claim on an entitlement: an entitlement ("Compensation", "Care", "Goodwill.Bag", …) for a passenger's identity
/// in a scope — by e-ticket number or by normalised name on one flight of their journey on its date
/// ("CC400@2026-11-18|N:alex/sample"), or as the passenger of their booking on the journey's route
/// ("B:DEMO01/DEMO01-1|R:FRA-JFK"). The ledger's uniqueness rests on <see cref="Id"/>, "entitlement|identity".
/// </summary>
public sealed record EntitlementClaim(string Entitlement, string Identity, RemedyKind Kind, string? TicketNumber, bool ByName, DateOnly? JourneyDate = null)
{
    /// <summary>
    /// How far apart two journeys of one booking on one route may start and still be one journey rebooked (a cancelled
    /// or missed flight replaced by a later one); further apart they are two trips.
    /// </summary>
    public const int RebookingDays = 3;

    public string Id => Entitlement + "|" + Identity;

    /// <summary>Whether a stored claim on this id (with its passenger's ticket and its journey's date) holds this entitlement for this passenger and journey.</summary>
    public bool HeldBy(string? storedTicketNumber, DateOnly? storedJourneyDate)
        => SamePassengerAs(storedTicketNumber)
           && (JourneyDate is not { } date || storedJourneyDate is not { } stored || Math.Abs(date.DayNumber - stored.DayNumber) <= RebookingDays);

    /// <summary>
    /// Whether a claim already stored under this id was made for the same passenger. Names are compared only where a
    /// ticket number cannot tell two people apart: two different tickets under one name are two passengers.
    /// </summary>
    public bool SamePassengerAs(string? storedTicketNumber)
        => !ByName || storedTicketNumber is null || TicketNumber is null || string.Equals(storedTicketNumber, TicketNumber, StringComparison.Ordinal);
}

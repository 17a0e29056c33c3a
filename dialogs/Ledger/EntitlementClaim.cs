using CustomerCare.Remedies;

namespace CustomerCare.Ledger;

/// <summary>
/// One stored claim on an entitlement: a kind of remedy, for a passenger within a scope — by e-ticket number or by
/// normalised name on one flight of their journey on its date, or as the passenger of their booking on the journey's
/// route. The id is "kind|scope|identity"; the ledger's uniqueness rests on these ids.
/// </summary>
public sealed record EntitlementClaim(string Id, RemedyKind Kind, string? TicketNumber, bool ByName)
{
    /// <summary>
    /// Whether a claim already stored under this id was made for the same passenger. Names are compared only where a
    /// ticket number cannot tell two people apart: two different tickets under one name are two passengers.
    /// </summary>
    public bool SamePassengerAs(string? storedTicketNumber)
        => !ByName || storedTicketNumber is null || TicketNumber is null || string.Equals(storedTicketNumber, TicketNumber, StringComparison.Ordinal);
}

using System.Globalization;
using CustomerCare.Remedies;

namespace CustomerCare.Ledger;

/// <summary>
/// One entitlement: a passenger on a booking, a flight on its scheduled date, one kind of disruption. The ledger
/// holds at most one grant per key — whichever channel or person asks.
/// </summary>
public sealed record EntitlementKey(string PassengerId, string BookingReference, string FlightNumber, DateOnly ScheduledDate, DisruptionKind Kind)
{
    /// <summary>The store's primary key: normalised, so "lh400" and "LH400" are one entitlement.</summary>
    public string Id => string.Join('|',
        PassengerId.Trim().ToUpperInvariant(),
        BookingReference.Trim().ToUpperInvariant(),
        FlightNumber.Replace(" ", string.Empty, StringComparison.Ordinal).ToUpperInvariant(),
        ScheduledDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        Kind.ToString());
}

using CustomerCare.Remedies;

namespace CustomerCare.Ledger;

/// <summary>
/// The one record of compensation across every channel. Recording is atomic and idempotent: for one entitlement
/// exactly one grant succeeds, every other attempt learns what was granted. Only the grant path writes here.
/// </summary>
public interface ICompensationLedger
{
    /// <summary>
    /// Records the grant, or refuses it with the grant that already holds its entitlements. A grant that carries an
    /// <see cref="GrantRequest.Approval"/> also decides that request in the same transaction, and is refused
    /// (<see cref="GrantRefusal.AlreadyDecided"/>) unless the request is still pending.
    /// </summary>
    Task<GrantOutcome> TryGrantAsync(GrantRequest request, CancellationToken cancellationToken);

    /// <summary>
    /// For each of these kinds already granted to the passenger for this disruption of the journey (under any booking,
    /// form of key, channel or person), the grant that holds it.
    /// </summary>
    Task<IReadOnlyDictionary<RemedyKind, LedgerEntry>> HoldersAsync(PassengerJourney who, IReadOnlyCollection<RemedyKind> kinds, DisruptionFamily family, CancellationToken cancellationToken);

    /// <summary>Everything granted on a booking, any passenger, any channel, newest first.</summary>
    Task<IReadOnlyList<LedgerEntry>> ForBookingAsync(string bookingReference, CancellationToken cancellationToken);

    /// <summary>How many second-grant attempts the ledger refused (for the fairness report).</summary>
    Task<long> RefusedSecondGrantsAsync(CancellationToken cancellationToken);
}

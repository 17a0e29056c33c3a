namespace CustomerCare.Ledger;

/// <summary>
/// The one record of compensation across every channel. Granting is atomic and idempotent: for one entitlement
/// exactly one grant succeeds, every other attempt learns what was granted.
/// </summary>
public interface ICompensationLedger
{
    Task<GrantOutcome> TryGrantAsync(GrantRequest request, CancellationToken cancellationToken);

    Task<LedgerEntry?> FindAsync(EntitlementKey key, CancellationToken cancellationToken);

    /// <summary>Everything granted on a booking, any passenger, any channel, newest first.</summary>
    Task<IReadOnlyList<LedgerEntry>> ForBookingAsync(string bookingReference, CancellationToken cancellationToken);

    /// <summary>How many second-grant attempts the ledger refused (for the fairness report).</summary>
    Task<long> RefusedSecondGrantsAsync(CancellationToken cancellationToken);
}

namespace CustomerCare.Payouts;

/// <summary>
/// The payout outbox. Instructions are written by the ledger with their grants (nothing else adds one); deliveries
/// and finance's reports move them on. Every instance may deliver: taking a due instruction leases it, so two
/// instances do not deliver it at the same moment (and if they did, its idempotency key makes it one payment).
/// </summary>
public interface IPayoutStore
{
    Task<PayoutState?> FindAsync(string reference, CancellationToken cancellationToken);

    /// <summary>Up to <paramref name="max"/> waiting instructions due by <paramref name="now"/>, each leased for <paramref name="lease"/>.</summary>
    Task<IReadOnlyList<PayoutState>> TakeDueAsync(DateTime now, TimeSpan lease, int max, CancellationToken cancellationToken);

    /// <summary>Records a delivery try (see <see cref="PayoutState.After"/>) and ends its lease.</summary>
    Task<PayoutState?> RecordDeliveryAsync(string reference, DeliveryResult result, DateTime now, PayoutRetryPolicy retries, CancellationToken cancellationToken);

    Task<PayoutReportOutcome> ReportAsync(string reference, FinanceReport report, DateTime now, CancellationToken cancellationToken);

    /// <summary>A failed instruction goes back to waiting, to be delivered again under the same key.</summary>
    Task<PayoutState?> RetryAsync(string reference, DateTime now, CancellationToken cancellationToken);

    /// <summary>Instructions in these states, oldest grant first.</summary>
    Task<IReadOnlyList<PayoutState>> ListAsync(IReadOnlyCollection<PayoutStatus> statuses, int limit, CancellationToken cancellationToken);
}

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

    /// <summary>
    /// Pays by bank transfer to <paramref name="account"/> instead (see <see cref="PayoutState.ChangeAccount"/>);
    /// <see cref="AccountChange.Unknown"/> also while an instance is delivering it.
    /// </summary>
    Task<AccountChange> ChangeAccountAsync(string reference, BankAccount account, DateTime now, CancellationToken cancellationToken);

    /// <summary>
    /// Hands up to <paramref name="max"/> waiting SEPA transfers (<see cref="PayoutState.GoesInSepaFile"/>), oldest
    /// grant first, to finance in the file <paramref name="batch"/>, written by <paramref name="write"/> and kept in the
    /// same transaction: each is marked sent, so no later file holds it again. None handed over: no file is kept.
    /// </summary>
    Task<IReadOnlyList<PayoutState>> HandOverAsync(string batch, DateTime now, int max, Func<IReadOnlyList<PayoutState>, byte[]> write, CancellationToken cancellationToken);

    /// <summary>A file handed over earlier, exactly as it was written; null for an unknown batch.</summary>
    Task<SepaFile?> SepaFileAsync(string batch, CancellationToken cancellationToken);

    /// <summary>Up to <paramref name="max"/> rejected payouts whose customer has not been told yet (<see cref="PayoutState.CustomerToBeTold"/>).</summary>
    Task<IReadOnlyList<PayoutState>> UntoldRejectionsAsync(int max, CancellationToken cancellationToken);

    /// <summary>Records that the customer was told of the rejection (<paramref name="reached"/>: at an address).</summary>
    Task<PayoutState?> RecordCustomerToldAsync(string reference, DateTime now, bool reached, CancellationToken cancellationToken);

    /// <summary>
    /// Records a one-time code sent for a change of these payouts' account, if each may have one more today
    /// (<see cref="PayoutState.MayHaveCodeSent"/>); false, recording nothing, when any may not.
    /// </summary>
    Task<bool> TryRecordCodeAsync(IReadOnlyList<string> references, DateTime now, int maxPerDay, CancellationToken cancellationToken);

    /// <summary>Instructions in these states, oldest grant first.</summary>
    Task<IReadOnlyList<PayoutState>> ListAsync(IReadOnlyCollection<PayoutStatus> statuses, int limit, CancellationToken cancellationToken);
}

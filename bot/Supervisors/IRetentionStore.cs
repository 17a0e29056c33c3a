namespace CustomerCare.Bot.Supervisors;

/// <summary>What the store deletes or pseudonymises when the retention period has passed: one run over every collection.</summary>
public interface IRetentionStore
{
    /// <summary>
    /// In small batches so turns keep flowing: deletes every conversation inactive since before the cutoff that has no
    /// case waiting for or held by a person — its transcript, search words, summary, state (and its customer's user
    /// state once no other conversation of theirs is kept), uploads (but for receipts a grant keeps), reviews and closed
    /// cases; deletes every other case closed before the cutoff and every review left of a deleted conversation; and
    /// pseudonymises the grants made before the cutoff whose payout is paid (or that have none). Grants stay.
    /// </summary>
    Task<RetentionRun> ExpireAsync(DateTime cutoffUtc);
}

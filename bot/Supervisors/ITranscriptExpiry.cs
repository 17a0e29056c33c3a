namespace CustomerCare.Bot.Supervisors;

/// <summary>What the store deletes when a conversation's transcript expires: its transcript, search words, summary and uploads.</summary>
public interface ITranscriptExpiry
{
    /// <summary>
    /// Deletes every conversation inactive since before the cutoff that has no case waiting for or held by a person, in
    /// small batches so turns keep flowing; returns how many were deleted. Ledger entries, cases and reviews stay.
    /// </summary>
    Task<int> DeleteInactiveSinceAsync(DateTime cutoffUtc);
}

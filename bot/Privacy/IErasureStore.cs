namespace CustomerCare.Bot.Privacy;

/// <summary>What a store deletes and pseudonymises for an erasure (GDPR Art. 17); what to erase is decided by <see cref="CustomerErasure"/>.</summary>
public interface IErasureStore
{
    /// <summary>
    /// Deletes one conversation as retention does — transcript, search words, summary, state, uploads (but for receipts
    /// a grant keeps), reviews, closed cases — and its customer's user state when no other conversation of theirs is kept.
    /// </summary>
    Task<ErasedConversation> DeleteConversationAsync(string channelId, string conversationId);

    /// <summary>Pseudonymises these grants and their payouts where the payout is paid or there is none; returns how many it changed.</summary>
    Task<int> PseudonymiseGrantsAsync(IReadOnlyCollection<string> references);
}

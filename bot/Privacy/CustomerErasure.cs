using CustomerCare.Privacy;

namespace CustomerCare.Bot.Privacy;

/// <summary>
/// Erases a customer (GDPR Art. 17): deletes every conversation of theirs with all that belongs to it, and
/// pseudonymises their grants and payouts, which stay as the record of what was paid (Art. 17(3)(b) and (e)). A
/// conversation whose case a person still works on, and a grant whose payout is not yet paid, are left and reported:
/// erasing again once they are done takes them.
/// </summary>
public sealed class CustomerErasure(CustomerRecordsReader reader, IErasureStore store)
{
    /// <summary>What was erased; null for a customer of whom nothing is known.</summary>
    public async Task<ErasureReport?> EraseAsync(CustomerKey who, CancellationToken cancellationToken)
    {
        if (await reader.ReadAsync(who, cancellationToken).ConfigureAwait(false) is not { } records)
        {
            return null;
        }
        var (deleted, inProgress) = (new List<string>(), new List<string>());
        var (cases, reviews) = (0, 0);
        foreach (var conversation in records.Conversations)
        {
            var name = $"{conversation.ChannelId}/{conversation.ConversationId}";
            if (conversation.HasCaseInProgress)
            {
                inProgress.Add(name);
                continue;
            }
            var erased = await store.DeleteConversationAsync(conversation.ChannelId, conversation.ConversationId).ConfigureAwait(false);
            (cases, reviews) = (cases + erased.ClosedCases, reviews + erased.Reviews);
            deleted.Add(name);
        }
        var payouts = records.Payouts.ToDictionary(p => p.Reference, StringComparer.Ordinal);
        var unpaid = records.Grants.Select(g => payouts.GetValueOrDefault(g.Reference)).OfType<CustomerCare.Payouts.PayoutState>()
            .Where(p => !LedgerPseudonyms.MayPseudonymise(p)).Select(p => (p.Reference, p.Status)).ToList();
        var pseudonymise = records.Grants.Select(g => g.Reference).Except(unpaid.Select(u => u.Reference), StringComparer.Ordinal).ToList();
        await store.PseudonymiseGrantsAsync(pseudonymise).ConfigureAwait(false);
        return new ErasureReport(who, deleted, cases, reviews, pseudonymise, inProgress, unpaid);
    }
}

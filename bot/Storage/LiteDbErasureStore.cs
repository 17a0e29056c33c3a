using CustomerCare.Bot.Privacy;
using CustomerCare.Builder;
using LiteDB;

namespace CustomerCare.Bot.Storage;

/// <summary>An erasure in the data file: each conversation, and the grants together, in one write on the writer.</summary>
public sealed class LiteDbErasureStore(LiteDbWriter writer, ConversationIndex index, LiteDbConversationErasure erasure, LiteDbLedger ledger) : IErasureStore
{
    public Task<ErasedConversation> DeleteConversationAsync(string channelId, string conversationId)
        => writer.WriteAsync(db =>
        {
            var key = ConversationKey.Of(channelId, conversationId);
            var summaries = db.GetCollection(ConversationIndex.CollectionName);
            var customer = summaries.FindById(key)?["customerId"];
            var erased = erasure.Delete(db, channelId, conversationId);
            if (customer is { IsString: true }
                && !summaries.Find(Filters.Equal("customerId", customer)).Any(s => s["_id"].AsString != key && s["channelId"].AsString == channelId))
            {
                erasure.DeleteUser(db, channelId, customer.AsString);
            }
            index.Remove(db, [key]);
            return new ErasedConversation(erased.ClosedCases, erased.Reviews);
        });

    public async Task<int> PseudonymiseGrantsAsync(IReadOnlyCollection<string> references)
    {
        var changed = await writer.WriteAsync(db =>
        {
            var entries = db.GetCollection(LiteDbLedger.Entries);
            return references.Select(r => entries.FindOne(Filters.Equal("reference", r))).OfType<BsonDocument>()
                .Count(d => LiteDbLedgerPseudonyms.Apply(db, d) == GrantPseudonymisation.Pseudonymised);
        }).ConfigureAwait(false);
        ledger.Forget();
        return changed;
    }
}

using CustomerCare.Bot.Supervisors;
using CustomerCare.Cases;
using LiteDB;

namespace CustomerCare.Bot.Storage;

/// <summary>
/// Retention in the data file: one scan of each collection it covers, then each batch of 200 checked again and
/// changed on the writer, so turns keep flowing between batches and nothing changes underneath a batch.
/// </summary>
public sealed class LiteDbRetention(LiteDatabase database, LiteDbWriter writer, ConversationIndex index, LiteDbConversationErasure erasure, LiteDbLedger ledger)
    : IRetentionStore
{
    private const int Batch = 200;

    public async Task<RetentionRun> ExpireAsync(DateTime cutoffUtc)
    {
        var run = await ExpireConversationsAsync(cutoffUtc).ConfigureAwait(false);
        run = run.Add(await ExpireClosedCasesAsync(cutoffUtc).ConfigureAwait(false));
        run = run.Add(await ExpireLeftReviewsAsync(cutoffUtc).ConfigureAwait(false));
        return run.Add(await PseudonymiseGrantsAsync(cutoffUtc).ConfigureAwait(false));
    }

    private async Task<RetentionRun> ExpireConversationsAsync(DateTime cutoff)
    {
        // Summaries are small documents with no index to keep up on every write.
        var summaries = database.GetCollection(ConversationIndex.CollectionName).FindAll().ToList();
        // How many conversations each customer has: their user state goes with the last one.
        var conversationsOf = summaries.Where(s => UserOf(s) is not null).GroupBy(s => UserOf(s)!.Value).ToDictionary(g => g.Key, g => g.Count());
        var expired = summaries.Where(s => s["lastUtc"].AsDateTime < cutoff).Select(d => d["_id"].AsString).ToList();
        var run = RetentionRun.Nothing;
        foreach (var batch in expired.Chunk(Batch))
        {
            run = run.Add(await writer.WriteAsync(db => DeleteExpired(db, batch, cutoff, conversationsOf)).ConfigureAwait(false));
        }
        return run;
    }

    /// <summary>
    /// On the writer: a conversation is deleted only if it is still inactive and has no case waiting for or held by
    /// a person (nor one closed since the cutoff).
    /// </summary>
    private RetentionRun DeleteExpired(LiteDatabase db, string[] keys, DateTime cutoff, Dictionary<(string, string), int> conversationsOf)
    {
        var summaries = db.GetCollection(ConversationIndex.CollectionName);
        var cases = db.GetCollection(LiteDbCaseStore.CollectionName);
        var removed = new List<string>();
        var run = RetentionRun.Nothing;
        foreach (var key in keys)
        {
            if (summaries.FindById(key) is not { } summary || summary["lastUtc"].AsDateTime >= cutoff)
            {
                continue;
            }
            var (channel, conversation) = (summary["channelId"].AsString, summary["conversationId"].AsString);
            if (cases.Find(Filters.Equal("conversationId", conversation)).Any(c => c["channelId"].AsString == channel && !ClosedBefore(c, cutoff)))
            {
                continue;
            }
            var erased = erasure.Delete(db, channel, conversation);
            if (UserOf(summary) is { } user && conversationsOf.TryGetValue(user, out var count))
            {
                conversationsOf[user] = count - 1;
                if (count == 1)
                {
                    erasure.DeleteUser(db, user.Channel, user.Customer);
                }
            }
            removed.Add(key);
            run = run.Add(new RetentionRun(1, erased.ClosedCases, erased.Reviews, 0));
        }
        index.Remove(db, removed);
        return run;
    }

    /// <summary>Cases closed before the cutoff in conversations that are kept (a returning customer's, say).</summary>
    private async Task<RetentionRun> ExpireClosedCasesAsync(DateTime cutoff)
    {
        var closed = database.GetCollection(LiteDbCaseStore.CollectionName).Find(Filters.Equal("status", CaseDocuments.Name(CaseStatus.Closed)))
            .Where(c => ClosedBefore(c, cutoff)).Select(c => c["_id"].AsString).ToList();
        var deleted = 0;
        foreach (var batch in closed.Chunk(Batch))
        {
            deleted += await writer.WriteAsync(db =>
            {
                var cases = db.GetCollection(LiteDbCaseStore.CollectionName);
                return batch.Count(id => cases.FindById(id) is { } c && ClosedBefore(c, cutoff) && cases.Delete(id));
            }).ConfigureAwait(false);
        }
        return new RetentionRun(0, deleted, 0, 0);
    }

    /// <summary>Reviews older than the cutoff whose conversation is gone (deleted by an earlier retention that kept reviews).</summary>
    private async Task<RetentionRun> ExpireLeftReviewsAsync(DateTime cutoff)
    {
        var summaries = database.GetCollection(ConversationIndex.CollectionName);
        var left = database.GetCollection(SupervisorReviews.CollectionName, BsonAutoId.Int64).Find(Filters.Before("atUtc", cutoff))
            .Where(r => summaries.FindById(r["conversation"]) is null).Select(r => r["_id"]).ToList();
        var deleted = 0;
        foreach (var batch in left.Chunk(Batch))
        {
            deleted += await writer.WriteAsync(db => batch.Count(db.GetCollection(SupervisorReviews.CollectionName, BsonAutoId.Int64).Delete)).ConfigureAwait(false);
        }
        return new RetentionRun(0, 0, deleted, 0);
    }

    private async Task<RetentionRun> PseudonymiseGrantsAsync(DateTime cutoff)
    {
        var due = database.GetCollection(LiteDbLedger.Entries).Find(Filters.Before("grantedUtc", cutoff))
            .Where(d => !d[LiteDbLedgerPseudonyms.Marker].IsBoolean).Select(d => d["_id"]).ToList();
        var pseudonymised = 0;
        foreach (var batch in due.Chunk(Batch))
        {
            pseudonymised += await writer.WriteAsync(db =>
            {
                var entries = db.GetCollection(LiteDbLedger.Entries);
                return batch.Select(entries.FindById).OfType<BsonDocument>()
                    .Count(d => LiteDbLedgerPseudonyms.Apply(db, d) == GrantPseudonymisation.Pseudonymised);
            }).ConfigureAwait(false);
            ledger.Forget();
        }
        return new RetentionRun(0, 0, 0, pseudonymised);
    }

    /// <summary>A case closed before the cutoff (one closed without an end time, by when it was opened).</summary>
    private static bool ClosedBefore(BsonDocument caseDocument, DateTime cutoff)
        => CaseDocuments.StatusOf(caseDocument) == CaseStatus.Closed
            && (caseDocument["endedUtc"].IsDateTime ? caseDocument["endedUtc"] : caseDocument["openedUtc"]).AsDateTime < cutoff;

    private static (string Channel, string Customer)? UserOf(BsonDocument summary)
        => summary["customerId"] is { IsString: true } customer ? (summary["channelId"].AsString, customer.AsString) : null;
}

using CustomerCare.Bot.Supervisors;
using CustomerCare.Cases;
using Npgsql;

namespace CustomerCare.Bot.Storage.PostgreSql;

/// <summary>
/// Retention in PostgreSQL, 200 rows at a time: each batch locks what it changes, skipping rows another instance is
/// changing, and is one statement (or, for grants, one short transaction), so turns keep flowing between batches.
/// A conversation whose case still waits for or is held by a person (or closed since the cutoff) is left.
/// </summary>
public sealed class PostgreSqlRetention(NpgsqlDataSource dataSource) : IRetentionStore
{
    private const int Batch = 200;

    private static readonly string Closed = CaseRows.Name(CaseStatus.Closed);

    private static readonly string ExpireConversations = """
        WITH doomed AS (
            SELECT key_hash, channel_id, conversation_id, customer_id FROM conversation_summaries s
            WHERE last_utc < $1
              AND NOT EXISTS (SELECT 1 FROM cases c WHERE c.conversation_id = s.conversation_id AND c.channel_id = s.channel_id
                              AND (c.status <> $2 OR coalesce(c.ended_utc, c.opened_utc) >= $1))
            ORDER BY last_utc LIMIT $3
            FOR UPDATE SKIP LOCKED),
        """ + PostgreSqlConversationErasure.Deletes;

    /// <summary>The status is written out, so the partial index of closed cases serves the query.</summary>
    private static readonly string ExpireClosedCases = $"""
        WITH closed AS (
            SELECT reference FROM cases WHERE status = '{Closed}' AND coalesce(ended_utc, opened_utc) < $1 LIMIT $2 FOR UPDATE SKIP LOCKED),
        """ + PostgreSqlConversationErasure.DeleteClosedCases;

    public async Task<RetentionRun> ExpireAsync(DateTime cutoffUtc)
    {
        var cutoff = PostgreSqlCommands.Utc(cutoffUtc);
        var run = RetentionRun.Nothing;
        RetentionRun batch;
        do
        {
            batch = await InBatchAsync(async (connection, ct) => (await connection.ListAsync(ExpireConversations,
                r => new RetentionRun(r.GetInt32(0), r.GetInt32(1), r.GetInt32(2), 0), ct, cutoff, Closed, Batch).ConfigureAwait(false)).Single()).ConfigureAwait(false);
            run = run.Add(batch);
        }
        while (batch.Conversations == Batch);
        return run.Add(await ExpireClosedCasesAsync(cutoff).ConfigureAwait(false))
            .Add(await ExpireLeftReviewsAsync(cutoff).ConfigureAwait(false))
            .Add(new RetentionRun(0, 0, 0, await PostgreSqlLedgerPseudonyms.GrantedBeforeAsync(dataSource, cutoff, Batch).ConfigureAwait(false)));
    }

    /// <summary>Cases closed before the cutoff in conversations that are kept (a returning customer's, say).</summary>
    private async Task<RetentionRun> ExpireClosedCasesAsync(DateTime cutoff)
    {
        var deleted = 0;
        int removed;
        do
        {
            removed = await InBatchAsync((connection, ct) => connection.ExecuteAsync(ExpireClosedCases, ct, cutoff, Batch)).ConfigureAwait(false);
            deleted += removed;
        }
        while (removed == Batch);
        return new RetentionRun(0, deleted, 0, 0);
    }

    /// <summary>Reviews older than the cutoff whose conversation is gone (deleted by an earlier retention that kept reviews).</summary>
    private async Task<RetentionRun> ExpireLeftReviewsAsync(DateTime cutoff)
    {
        var deleted = 0;
        int removed;
        do
        {
            removed = await InBatchAsync((connection, ct) => connection.ExecuteAsync("""
                WITH left_reviews AS (
                    SELECT id FROM supervisor_reviews r
                    WHERE at_utc < $1 AND NOT EXISTS (SELECT 1 FROM conversation_summaries s WHERE s.key_hash = r.conversation_hash)
                    LIMIT $2 FOR UPDATE SKIP LOCKED)
                DELETE FROM supervisor_reviews r USING left_reviews l WHERE r.id = l.id
                """, ct, cutoff, Batch)).ConfigureAwait(false);
            deleted += removed;
        }
        while (removed == Batch);
        return new RetentionRun(0, 0, deleted, 0);
    }

    private Task<T> InBatchAsync<T>(Func<NpgsqlConnection, CancellationToken, Task<T>> batch)
        => TransientFaults.RetryAsync(async ct =>
        {
            await using var connection = await dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
            return await batch(connection, ct).ConfigureAwait(false);
        }, CancellationToken.None);
}

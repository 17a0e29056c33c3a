using CustomerCare.Bot.Supervisors;
using CustomerCare.Cases;
using Npgsql;

namespace CustomerCare.Bot.Storage.PostgreSql;

/// <summary>
/// Expired conversations in PostgreSQL, 200 at a time: each batch locks its summaries (skipping any another instance
/// is deleting), leaves a conversation whose case still waits for or is held by a person, and deletes the transcript
/// with its summary in one statement.
/// </summary>
public sealed class PostgreSqlTranscriptExpiry(NpgsqlDataSource dataSource) : ITranscriptExpiry
{
    private const int Batch = 200;

    public async Task<int> DeleteInactiveSinceAsync(DateTime cutoffUtc)
    {
        var deleted = 0;
        while (true)
        {
            var removed = await TransientFaults.RetryAsync(async ct =>
            {
                await using var connection = await dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
                return await connection.ExecuteAsync("""
                    WITH expired AS (
                        SELECT key_hash FROM conversation_summaries s
                        WHERE last_utc < $1
                          AND NOT EXISTS (SELECT 1 FROM cases c WHERE c.conversation_id = s.conversation_id AND c.channel_id = s.channel_id AND c.status <> $2)
                        ORDER BY last_utc LIMIT $3
                        FOR UPDATE SKIP LOCKED),
                    transcripts AS (DELETE FROM transcript_entries t USING expired e WHERE t.conversation_hash = e.key_hash)
                    DELETE FROM conversation_summaries s USING expired e WHERE s.key_hash = e.key_hash
                    """, ct, PostgreSqlCommands.Utc(cutoffUtc), CaseRows.Name(CaseStatus.Closed), Batch).ConfigureAwait(false);
            }, CancellationToken.None).ConfigureAwait(false);
            deleted += removed;
            if (removed < Batch)
            {
                return deleted;
            }
        }
    }
}

using CustomerCare.Bot.Supervisors;
using CustomerCare.Cases;
using Npgsql;

namespace CustomerCare.Bot.Storage.PostgreSql;

/// <summary>
/// Expired conversations in PostgreSQL, 200 at a time: each batch locks its summaries (skipping any another instance
/// is deleting), leaves a conversation whose case still waits for or is held by a person, and deletes the transcript
/// with its summary and the files its customer uploaded (found by the attachment links in the transcript, as the data
/// file's expiry finds them) in one statement.
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
                    files AS (
                        DELETE FROM uploads u USING (
                            SELECT substring(a->>'contentUrl' from '/v3/directline/attachments/([0-9a-f]+)$') AS id
                            FROM transcript_entries t JOIN expired e ON t.conversation_hash = e.key_hash,
                                 jsonb_array_elements(CASE WHEN jsonb_typeof(t.json::jsonb->'attachments') = 'array' THEN t.json::jsonb->'attachments' ELSE '[]'::jsonb END) AS a
                            WHERE t.json LIKE '%/v3/directline/attachments/%') AS f
                        WHERE u.id = f.id AND NOT EXISTS (SELECT 1 FROM kept_uploads k WHERE k.id = u.id)),
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

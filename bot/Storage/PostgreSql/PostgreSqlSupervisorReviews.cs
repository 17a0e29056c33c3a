using CustomerCare.Bot.Supervisors;
using Npgsql;

namespace CustomerCare.Bot.Storage.PostgreSql;

/// <summary>Supervisors' reviews in PostgreSQL; a score reaches the conversation's summary in the review's own transaction.</summary>
public sealed class PostgreSqlSupervisorReviews(NpgsqlDataSource dataSource, TimeProvider clock) : ISupervisorReviews
{
    public Task AddAsync(string channelId, string conversationId, string author, int? score, string? note)
    {
        var at = clock.GetUtcNow().UtcDateTime;
        var writeId = Guid.NewGuid();
        return TransientFaults.RetryAsync(async ct =>
        {
            await using var connection = await dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
            await using var transaction = await connection.BeginTransactionAsync(ct).ConfigureAwait(false);
            // A review retried after its commit's acknowledgement was lost finds itself by its write id.
            var added = await connection.ExecuteAsync("""
                INSERT INTO supervisor_reviews (write_id, conversation_hash, author, score, note, at_utc) VALUES ($1, $2, $3, $4, $5, $6)
                ON CONFLICT (write_id) DO NOTHING
                """, ct, writeId, SummaryRows.Hash(channelId, conversationId), author, SummaryRows.Integer(score), note, at).ConfigureAwait(false);
            if (added == 1 && score is { } value)
            {
                var (summary, _) = await SummaryRows.LockAsync(connection, channelId, conversationId, ct).ConfigureAwait(false);
                await SummaryRows.WriteAsync(connection, ConversationSummary.Reviewed(summary, value), writeId, ct).ConfigureAwait(false);
            }
            await transaction.CommitAsync(ct).ConfigureAwait(false);
            return true;
        }, CancellationToken.None);
    }

    public async Task<IReadOnlyList<SupervisorReview>> ForAsync(string channelId, string conversationId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        return await connection.ListAsync("SELECT author, score, note, at_utc FROM supervisor_reviews WHERE conversation_hash = $1 ORDER BY at_utc, id",
            r => new SupervisorReview(r.GetString(0), r.IsDBNull(1) ? null : r.GetInt32(1), r.NullableString(2), r.GetDateTime(3)), cancellationToken,
            SummaryRows.Hash(channelId, conversationId)).ConfigureAwait(false);
    }
}

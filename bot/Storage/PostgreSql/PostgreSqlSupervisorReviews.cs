using CustomerCare.Bot.Supervisors;
using Npgsql;

namespace CustomerCare.Bot.Storage.PostgreSql;

/// <summary>Supervisors' reviews in PostgreSQL; a score reaches the conversation's summary in the review's own transaction.</summary>
public sealed class PostgreSqlSupervisorReviews(NpgsqlDataSource dataSource, TimeProvider clock) : ISupervisorReviews
{
    public Task AddAsync(string channelId, string conversationId, string author, int? score, string? note)
    {
        var at = clock.GetUtcNow().UtcDateTime;
        return TransientFaults.RetryAsync(async ct =>
        {
            await using var connection = await dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
            await using var transaction = await connection.BeginTransactionAsync(ct).ConfigureAwait(false);
            await connection.ExecuteAsync("INSERT INTO supervisor_reviews (conversation_hash, author, score, note, at_utc) VALUES ($1, $2, $3, $4, $5)", ct,
                SummaryRows.Hash(channelId, conversationId), author, SummaryRows.Integer(score), note, at).ConfigureAwait(false);
            if (score is { } value)
            {
                var summary = await SummaryRows.LockAsync(connection, channelId, conversationId, ct).ConfigureAwait(false);
                await SummaryRows.WriteAsync(connection, ConversationSummary.Reviewed(summary, value), ct).ConfigureAwait(false);
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

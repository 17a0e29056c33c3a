using CustomerCare.Bot.Privacy;
using Npgsql;

namespace CustomerCare.Bot.Storage.PostgreSql;

/// <summary>An erasure in PostgreSQL: each conversation in one statement, as retention deletes one; the grants in one transaction.</summary>
public sealed class PostgreSqlErasureStore(NpgsqlDataSource dataSource) : IErasureStore
{
    private static readonly string DeleteOne = """
        WITH doomed AS (
            SELECT $1::bytea AS key_hash, $2::text AS channel_id, $3::text AS conversation_id,
                   (SELECT customer_id FROM conversation_summaries WHERE key_hash = $1) AS customer_id),
        """ + PostgreSqlConversationErasure.Deletes;

    public Task<ErasedConversation> DeleteConversationAsync(string channelId, string conversationId)
        => TransientFaults.RetryAsync(async ct =>
        {
            await using var connection = await dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
            return (await connection.ListAsync(DeleteOne, r => new ErasedConversation(r.GetInt32(1), r.GetInt32(2)), ct,
                SummaryRows.Hash(channelId, conversationId), channelId, conversationId).ConfigureAwait(false)).Single();
        }, CancellationToken.None);

    public Task<int> PseudonymiseGrantsAsync(IReadOnlyCollection<string> references) => PostgreSqlLedgerPseudonyms.GrantsAsync(dataSource, references);
}

using CustomerCare.Bot.Supervisors;
using Npgsql;

namespace CustomerCare.Bot.Storage.PostgreSql;

/// <summary>The supervisors' access log in PostgreSQL: what a supervisor did through any instance.</summary>
public sealed class PostgreSqlAccessLogStore(NpgsqlDataSource dataSource) : IAccessLogStore
{
    /// <remarks>Retried after a lost acknowledgement, an entry finds itself by its write id and is not logged twice.</remarks>
    public Task AddAsync(TranscriptAccess access)
    {
        var writeId = Guid.NewGuid();
        return TransientFaults.RetryAsync(async ct =>
        {
            await using var connection = await dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
            return await connection.ExecuteAsync("INSERT INTO transcript_access (write_id, who, at_utc, action, conversation) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (write_id) DO NOTHING", ct,
                writeId, access.Who, PostgreSqlCommands.Utc(access.AtUtc), access.Action, access.Conversation).ConfigureAwait(false);
        }, CancellationToken.None);
    }

    public async Task<IReadOnlyList<TranscriptAccess>> RecentAsync(int count, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        return await connection.ListAsync("SELECT who, at_utc, action, conversation FROM transcript_access ORDER BY id DESC LIMIT $1",
            r => new TranscriptAccess(r.GetString(0), r.GetDateTime(1), r.GetString(2), r.GetString(3)), cancellationToken, Math.Max(0, count)).ConfigureAwait(false);
    }
}

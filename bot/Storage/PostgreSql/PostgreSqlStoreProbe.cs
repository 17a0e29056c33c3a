using CustomerCare.Bot.Health;
using Npgsql;

namespace CustomerCare.Bot.Storage.PostgreSql;

/// <summary>The readiness write in PostgreSQL: one committed upsert, so a server that takes no writes (read-only, full, away) shows.</summary>
public sealed class PostgreSqlStoreProbe(NpgsqlDataSource dataSource) : IStoreProbe
{
    /// <remarks>A fault a retry clears (a dropped pooled connection) is retried, as every write is; the check's deadline bounds it.</remarks>
    public Task WriteAsync(DateTime nowUtc, CancellationToken cancellationToken)
        => TransientFaults.RetryAsync(async ct =>
        {
            await using var connection = await dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
            return await connection.ExecuteAsync("INSERT INTO bot_settings (id, value) VALUES ('health.probe', $1) ON CONFLICT (id) DO UPDATE SET value = excluded.value",
                ct, BitConverter.GetBytes(nowUtc.Ticks)).ConfigureAwait(false);
        }, cancellationToken);
}

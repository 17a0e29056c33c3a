using Npgsql;

namespace CustomerCare.Bot.Storage.PostgreSql;

/// <summary>
/// Brings the database's schema to this build's version: the scripts not yet applied, in order, in one transaction,
/// recorded in <c>schema_migrations</c>. Instances starting together take turns on a transaction-scoped advisory lock,
/// so each script runs once; running again changes nothing. A database already at a newer version than this build
/// knows is refused rather than used.
/// </summary>
public static class SchemaMigrator
{
    /// <summary>The advisory lock key the migration holds ("CCSCHEMA" as a number).</summary>
    private const long LockKey = 0x4343_5343_4845_4D41;

    public sealed record Result(int FromVersion, int ToVersion, IReadOnlyList<SchemaMigration> Applied);

    public static async Task<Result> MigrateAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken, IReadOnlyList<SchemaMigration>? migrations = null)
    {
        migrations ??= SchemaMigration.Shipped;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, $"SELECT pg_advisory_xact_lock({LockKey})", cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, """
            CREATE TABLE IF NOT EXISTS schema_migrations (
                version     integer     PRIMARY KEY,
                name        text        NOT NULL,
                applied_utc timestamptz NOT NULL DEFAULT now()
            )
            """, cancellationToken).ConfigureAwait(false);
        var current = await CurrentVersionAsync(connection, cancellationToken).ConfigureAwait(false);
        var latest = migrations.Count == 0 ? 0 : migrations[^1].Version;
        if (current > latest)
        {
            throw new InvalidOperationException(
                $"The database's schema is at version {current}, newer than this build's {latest}: run a build that knows it.");
        }
        var applied = new List<SchemaMigration>();
        foreach (var migration in migrations.Where(m => m.Version > current))
        {
            await ExecuteAsync(connection, migration.Sql, cancellationToken).ConfigureAwait(false);
            await using var record = new NpgsqlCommand("INSERT INTO schema_migrations (version, name) VALUES ($1, $2)", connection);
            record.Parameters.Add(new NpgsqlParameter<int> { TypedValue = migration.Version });
            record.Parameters.Add(new NpgsqlParameter<string> { TypedValue = migration.Name });
            await record.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            applied.Add(migration);
        }
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return new Result(current, Math.Max(current, latest), applied);
    }

    private static async Task<int> CurrentVersionAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT coalesce(max(version), 0) FROM schema_migrations", connection);
        return (int)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}

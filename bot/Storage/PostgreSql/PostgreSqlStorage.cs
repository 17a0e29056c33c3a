using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using CustomerCare.Builder;

namespace CustomerCare.Bot.Storage.PostgreSql;

/// <summary>
/// Conversation and user state in PostgreSQL, shared by every instance: one row per key with its JSON and a version
/// number as its ETag. A write is one statement that compares and sets the version, so of two instances writing
/// the same conversation from the same read, one wins and the other gets <see cref="StorageConflictException"/>.
/// Nothing is cached: another instance may have written since.
/// </summary>
public sealed class PostgreSqlStorage(Npgsql.NpgsqlDataSource dataSource, TurnReads? reads = null) : IStorage
{
    /// <summary>The row of one key ($1, its hash), read as <see cref="Item"/> reads it.</summary>
    internal const string ReadSql = "SELECT json, etag FROM bot_state WHERE key_hash = $1";

    public async Task<StoreItem?> ReadAsync(string key, CancellationToken cancellationToken)
    {
        if (reads?.TryTakeState(key, out var read) == true)
        {
            return read;
        }
        var keyHash = Hash(key);
        return await TransientFaults.RetryAsync(async ct =>
        {
            await using var connection = await dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
            var rows = await connection.ListAsync(ReadSql, Item, ct, keyHash).ConfigureAwait(false);
            return rows.SingleOrDefault();
        }, cancellationToken).ConfigureAwait(false);
    }

    internal static StoreItem Item(Npgsql.NpgsqlDataReader r) => new(r.GetString(0), r.GetInt64(1).ToString(CultureInfo.InvariantCulture));

    public async Task<string> WriteAsync(string key, StoreItem item, CancellationToken cancellationToken)
    {
        reads?.ForgetState(key);
        var writeId = Guid.NewGuid();
        var keyHash = Hash(key);
        if (Write(item, keyHash, key, writeId) is not { } write)
        {
            throw new StorageConflictException(key);
        }
        // Under the turn's lock the write commits with the lock's release, in one round trip. Should that write nothing
        // or end unknown, the write below tries again and recognises a try that committed.
        if (reads?.TryTakeLock(key, out var turnLock) == true
            && await turnLock.WriteAndReleaseAsync(PostgreSqlCommands.BatchCommand(write.Sql, write.Parameters), cancellationToken).ConfigureAwait(false) is { } version)
        {
            return version.ToString(CultureInfo.InvariantCulture);
        }
        return await TransientFaults.RetryAsync(async ct =>
        {
            await using var connection = await dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
            var written = await connection.ScalarAsync<long?>(write.Sql, ct, write.Parameters).ConfigureAwait(false);
            // Nothing written now: either another write came first (a conflict), or an earlier try of this very write
            // committed and its acknowledgement was lost, and the row is still as it left it.
            written ??= await connection.ScalarAsync<long?>("SELECT etag FROM bot_state WHERE key_hash = $1 AND write_id = $2", ct, keyHash, writeId).ConfigureAwait(false);
            return written is { } next ? next.ToString(CultureInfo.InvariantCulture) : throw new StorageConflictException(key);
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The statement that writes an item as its ETag asks — any version ("*"), none yet (null), or the version read —
    /// returning the new version, or no row when the ETag no longer matches; none for an ETag that was never issued.
    /// </summary>
    private static (string Sql, object?[] Parameters)? Write(StoreItem item, byte[] keyHash, string key, Guid writeId) => item.ETag switch
    {
        "*" => ("""
            INSERT INTO bot_state (key_hash, key, etag, json, write_id) VALUES ($1, $2, 1, $3, $4)
            ON CONFLICT (key_hash) DO UPDATE SET etag = bot_state.etag + 1, json = excluded.json, write_id = excluded.write_id, updated_utc = now()
            RETURNING etag
            """, [keyHash, key, item.Json, writeId]),
        null => ("""
            INSERT INTO bot_state (key_hash, key, etag, json, write_id) VALUES ($1, $2, 1, $3, $4)
            ON CONFLICT (key_hash) DO NOTHING
            RETURNING etag
            """, [keyHash, key, item.Json, writeId]),
        var etag when long.TryParse(etag, NumberStyles.None, CultureInfo.InvariantCulture, out var version) => ("""
            UPDATE bot_state SET etag = etag + 1, json = $3, write_id = $4, updated_utc = now()
            WHERE key_hash = $1 AND etag = $2
            RETURNING etag
            """, [keyHash, version, item.Json, writeId]),
        _ => null,
    };

    public async Task DeleteAsync(string key, CancellationToken cancellationToken)
    {
        reads?.ForgetState(key);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await connection.ExecuteAsync("DELETE FROM bot_state WHERE key_hash = $1", cancellationToken, Hash(key)).ConfigureAwait(false);
    }

    internal static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));
}

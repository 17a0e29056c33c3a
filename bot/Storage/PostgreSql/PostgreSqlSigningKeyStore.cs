using CustomerCare.Bot.DirectLine;
using Npgsql;

namespace CustomerCare.Bot.Storage.PostgreSql;

/// <summary>
/// The signing key in PostgreSQL's settings: the first instance to start keeps its key, every other one reads it. A
/// bot moving from the data file offers the file's key first, so tokens issued before the move stay valid.
/// </summary>
/// <param name="carried">The key kept before, if any.</param>
public sealed class PostgreSqlSigningKeyStore(NpgsqlDataSource dataSource, Func<byte[]?>? carried = null) : ISigningKeyStore
{
    private const string Id = "directline.signingKey";

    /// <remarks>Asked once, while the bot starts: it waits for the server there.</remarks>
    public byte[] GetOrAdd(byte[] created)
    {
        var offered = carried?.Invoke() ?? created;
        return TransientFaults.RetryAsync(async ct =>
        {
            await using var connection = await dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
            await connection.ExecuteAsync("INSERT INTO bot_settings (id, value) VALUES ($1, $2) ON CONFLICT (id) DO NOTHING", ct, Id, offered).ConfigureAwait(false);
            return await connection.ScalarAsync<byte[]>("SELECT value FROM bot_settings WHERE id = $1", ct, Id).ConfigureAwait(false)
                ?? throw new InvalidOperationException("The signing key was not kept.");
        }, CancellationToken.None).GetAwaiter().GetResult();
    }
}

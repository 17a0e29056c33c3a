using Npgsql;

namespace CustomerCare.Bot.Storage.PostgreSql;

/// <summary>
/// A conversation's turn lock as it is held: a transaction on a connection of its own, begun by the batch that took
/// the lock, whose end releases it. It ends once, in one of two ways:
/// <list type="bullet">
/// <item>with the turn's write of the conversation's state, which commits in the same round trip
/// (<see cref="WriteAndReleaseAsync"/>): the lock covered the turn from before its read until after its write;</item>
/// <item>or, if the turn wrote no state, when the turn ends (<see cref="DisposeAsync"/>), by a rollback.</item>
/// </list>
/// Either way the connection goes back to its pool at once; the in-process lock is held until the turn ends.
/// </summary>
/// <param name="lost">Called when the lock turns out to have ended before the turn did.</param>
internal sealed class TurnLock(NpgsqlConnection connection, IAsyncDisposable inProcess, Action lost) : IAsyncDisposable
{
    private int _ended;

    /// <summary>Begins the lock's transaction: the first command of the batch that takes the lock.</summary>
    public static NpgsqlBatchCommand Begin() => new("BEGIN");

    /// <summary>
    /// Runs a write (a command returning the new version, or no row when nothing was written) and commits it, which
    /// releases the lock, in one round trip. Returns the version, or null when the write wrote nothing or its outcome
    /// is unknown (the connection failed, or the lock had already ended): the caller then writes as if it held no lock,
    /// in a way that recognises a write that did commit.
    /// </summary>
    public async Task<long?> WriteAndReleaseAsync(NpgsqlBatchCommand write, CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _ended, 1) != 0)
        {
            return null;
        }
        try
        {
            await using var batch = new NpgsqlBatch(connection) { BatchCommands = { write, new NpgsqlBatchCommand("COMMIT") } };
            await using var reader = await batch.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            long? written = await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? reader.GetInt64(0) : null;
            await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
            return written;
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException or OperationCanceledException)
        {
            // The write failed before its commit, or the connection did: end the transaction if it is still open.
            if (!await TryRollBackAsync().ConfigureAwait(false))
            {
                lost();
            }
            return null;
        }
        finally
        {
            await connection.DisposeAsync().ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _ended, 1) != 0)
        {
            await inProcess.DisposeAsync().ConfigureAwait(false);
            return;
        }
        try
        {
            if (!await TryRollBackAsync().ConfigureAwait(false))
            {
                lost();
            }
        }
        finally
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            await inProcess.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Ends the transaction, which releases the lock, and says whether the connection was still there to do it. Should
    /// it fail, closing the connection ends the transaction too: the pool rolls back a connection returned within one.
    /// </summary>
    private async Task<bool> TryRollBackAsync()
    {
        try
        {
            await using var rollback = new NpgsqlCommand("ROLLBACK", connection);
            await rollback.ExecuteNonQueryAsync(CancellationToken.None).ConfigureAwait(false);
            return !connection.FullState.HasFlag(System.Data.ConnectionState.Broken) && connection.State == System.Data.ConnectionState.Open;
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException)
        {
            return false;
        }
    }
}

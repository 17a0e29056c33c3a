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
/// Either way the connection goes back to its pool at once; the in-process lock is held until the turn ends. A write
/// that fails on the lock's connection leaves the lock held, undone to before the write, until the turn ends.
/// </summary>
/// <param name="lost">Called when the lock turns out to have ended before the turn did.</param>
internal sealed class TurnLock(NpgsqlConnection connection, IAsyncDisposable inProcess, Action lost) : IAsyncDisposable
{
    private int _ended;

    /// <summary>Begins the lock's transaction: the first command of the batch that takes the lock.</summary>
    public static NpgsqlBatchCommand Begin() => new("BEGIN");

    /// <summary>
    /// Runs a write (a command returning the new version, or no row when nothing was written) and commits it, which
    /// releases the lock, in one round trip. Returns the version, or null when the write wrote nothing or did not
    /// commit: the caller then writes as if it held no lock, in a way that recognises a write that did commit. A write
    /// that failed while the lock's transaction stayed open (a statement error, a cancelled statement) is undone to
    /// just before it and the lock is kept until the turn ends, so the caller's second write is still covered by it.
    /// </summary>
    public async Task<long?> WriteAndReleaseAsync(NpgsqlBatchCommand write, CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _ended, 1) != 0)
        {
            return null;
        }
        var stillHeld = false;
        try
        {
            await using var batch = new NpgsqlBatch(connection) { BatchCommands = { new NpgsqlBatchCommand("SAVEPOINT state_write"), write, new NpgsqlBatchCommand("COMMIT") } };
            await using var reader = await batch.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            long? written = await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? reader.GetInt64(0) : null;
            await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
            return written;
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException or OperationCanceledException)
        {
            stillHeld = await TryAsync("ROLLBACK TO SAVEPOINT state_write").ConfigureAwait(false);
            if (stillHeld)
            {
                Volatile.Write(ref _ended, 0);
            }
            else if (!IsOpen)
            {
                lost();
            }
            return null;
        }
        finally
        {
            if (!stillHeld)
            {
                await connection.DisposeAsync().ConfigureAwait(false);
            }
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
            if (!await TryAsync("ROLLBACK").ConfigureAwait(false) || !IsOpen)
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
    /// Runs a statement that ends or rewinds the lock's transaction; false when it could not (the connection failed,
    /// or there was no transaction to rewind). Should a rollback fail, closing the connection ends the transaction
    /// too: the pool rolls back a connection returned within one.
    /// </summary>
    private async Task<bool> TryAsync(string sql)
    {
        try
        {
            await using var command = new NpgsqlCommand(sql, connection);
            await command.ExecuteNonQueryAsync(CancellationToken.None).ConfigureAwait(false);
            return true;
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException)
        {
            return false;
        }
    }

    private bool IsOpen => !connection.FullState.HasFlag(System.Data.ConnectionState.Broken) && connection.State == System.Data.ConnectionState.Open;
}

using CustomerCare.Builder;
using CustomerCare.Cases;
using CustomerCare.Schema;
using Npgsql;

namespace CustomerCare.Bot.Storage.PostgreSql;

/// <summary>
/// Turns of one conversation in order across every instance: a turn holds a transaction-scoped advisory lock on
/// its conversation in PostgreSQL from before it reads the conversation's state until after it has written it, so
/// a turn that lands on another instance waits for it. Within the instance the in-process stripes come first, so
/// turns queued here for one conversation hold no connection while they wait. A lock dies with its connection: a
/// killed instance never leaves a conversation locked. The locks have a connection pool of their own
/// (<see cref="TurnLockPool"/>): a turn holds its lock's connection while its work opens others, and sharing one
/// pool, as many turns as connections would wait on each other for ever.
/// </summary>
/// <remarks>
/// A turn's lock comes with what the turn reads first, in the same round trip (<see cref="TurnReads"/>): the
/// conversation's state and the case a person holds for it, read after the lock was granted. The turn's write of that
/// state commits on the lock's connection, which releases the lock in the same round trip (<see cref="TurnLock"/>).
/// </remarks>
public sealed partial class PostgreSqlConversationLocks(TurnLockPool pool, ConversationLocks local, ILogger<PostgreSqlConversationLocks>? logger = null,
    TurnReads? reads = null) : IConversationLocks
{
    private readonly NpgsqlDataSource _dataSource = pool.DataSource;

    public async Task<IAsyncDisposable> AcquireForTurnAsync(Activity activity, CancellationToken cancellationToken)
    {
        var conversationId = activity.Conversation?.Id ?? throw new ArgumentException("The activity has no conversation id.", nameof(activity));
        if (reads is null || activity.ChannelId is not { } channelId || StateKeys.ConversationOf(activity) is not { } stateKey)
        {
            return await AcquireAsync(conversationId, cancellationToken).ConfigureAwait(false);
        }
        var inProcess = await local.AcquireAsync(conversationId, cancellationToken).ConfigureAwait(false);
        try
        {
            // A fault a new try clears (a dropped connection, a statement a migration outdated) is tried again.
            var (connection, state, held) = await TransientFaults.RetryAsync(ct => LockAndReadAsync(conversationId, stateKey, channelId, ct), cancellationToken)
                .ConfigureAwait(false);
            var turnLock = new TurnLock(connection, new Released(inProcess, () => reads.Release(stateKey, channelId, conversationId)), Lost(conversationId));
            reads.Keep(stateKey, state, turnLock, channelId, conversationId, held);
            return turnLock;
        }
        catch
        {
            reads.Release(stateKey, channelId, conversationId);
            await inProcess.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Takes the lock and reads the state and the held case in one round trip, on a connection it hands over.</summary>
    private async Task<(NpgsqlConnection Connection, StoreItem? State, HeldCase? Held)> LockAndReadAsync(string conversationId, string stateKey, string channelId,
        CancellationToken cancellationToken)
    {
        var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var batch = new NpgsqlBatch(connection)
            {
                BatchCommands =
                {
                    TurnLock.Begin(),
                    LockCommand(conversationId),
                    PostgreSqlCommands.BatchCommand(PostgreSqlStorage.ReadSql, PostgreSqlStorage.Hash(stateKey)),
                    PostgreSqlCommands.BatchCommand(CaseRows.HeldForCustomerSql, CaseRows.HeldForCustomerParameters(channelId, conversationId)),
                },
            };
            StoreItem? state = null;
            HeldCase? held = null;
            // The reader passes over statements that return no rows (BEGIN): it starts at the lock's result.
            await using (var reader = await batch.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
            {
                await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
                if (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    state = PostgreSqlStorage.Item(reader);
                }
                await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
                if (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    held = CaseRows.Read(reader).Held();
                }
            }
            return (connection, state, held);
        }
        catch
        {
            // Returned to its pool, the connection's transaction is rolled back: the lock goes with it.
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private static NpgsqlBatchCommand LockCommand(string conversationId)
        => PostgreSqlCommands.BatchCommand("SELECT pg_advisory_xact_lock(hashtextextended($1, 0))", "turn|" + conversationId);

    /// <summary>Forgets what the turn read before the next turn of its conversation may start here.</summary>
    private sealed class Released(IAsyncDisposable inProcess, Action forget) : IAsyncDisposable
    {
        public ValueTask DisposeAsync()
        {
            forget();
            return inProcess.DisposeAsync();
        }
    }

    public async Task<IAsyncDisposable> AcquireAsync(string conversationId, CancellationToken cancellationToken)
    {
        var inProcess = await local.AcquireAsync(conversationId, cancellationToken).ConfigureAwait(false);
        NpgsqlConnection? connection = null;
        try
        {
            connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await using (var batch = new NpgsqlBatch(connection) { BatchCommands = { TurnLock.Begin(), LockCommand(conversationId) } })
            {
                await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
            return new TurnLock(connection, inProcess, Lost(conversationId));
        }
        catch
        {
            if (connection is not null)
            {
                await connection.DisposeAsync().ConfigureAwait(false);
            }
            await inProcess.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The turn lock of conversation {ConversationId} was lost while the turn ran (its connection ended): a turn on another instance may have run alongside; the state's ETag refuses the later write")]
    private static partial void LogLost(ILogger logger, string conversationId);

    private Action Lost(string conversationId)
        => () => LogLost(logger ?? Microsoft.Extensions.Logging.Abstractions.NullLogger<PostgreSqlConversationLocks>.Instance, conversationId);
}

/// <summary>The connections turn locks are held on, apart from those the turns' work uses.</summary>
public sealed class TurnLockPool(NpgsqlDataSource dataSource) : IAsyncDisposable
{
    public NpgsqlDataSource DataSource { get; } = dataSource;

    public ValueTask DisposeAsync() => DataSource.DisposeAsync();
}

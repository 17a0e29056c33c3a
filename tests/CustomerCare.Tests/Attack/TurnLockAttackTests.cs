using CustomerCare.Bot.Storage.PostgreSql;
using CustomerCare.Builder;
using CustomerCare.Schema;
using CustomerCare.Tests.Support;
using Npgsql;

namespace CustomerCare.Tests.Attack;

/// <summary>The turn lock under failures: cancellation, errors inside the state write, connections returned to the pool.</summary>
public sealed class TurnLockAttackTests
{
    private static async Task<long> InTransactionAsync(NpgsqlDataSource any, string application)
    {
        await using var command = any.CreateCommand("SELECT count(*) FROM pg_stat_activity WHERE application_name = $1 AND state LIKE 'idle in transaction%'");
        command.Parameters.Add(new NpgsqlParameter { Value = application });
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task<int> WaitForLockWaitAsync(NpgsqlDataSource any, string application)
    {
        for (var i = 0; i < 200; i++)
        {
            await using var command = any.CreateCommand("SELECT pid FROM pg_stat_activity WHERE application_name = $1 AND wait_event_type = 'Lock'");
            command.Parameters.Add(new NpgsqlParameter { Value = application });
            if (await command.ExecuteScalarAsync() is int pid)
            {
                return pid;
            }
            await Task.Delay(25);
        }
        throw new TimeoutException($"nothing of {application} waited on a lock");
    }

    /// <summary>The pool rolls back a connection returned inside a raw BEGIN, even with No Reset On Close.</summary>
    [Fact]
    public async Task AConnectionReturnedInsideARawBegin_DoesNotKeepItsAdvisoryLock()
    {
        var connectionString = await LockingInstance.DatabaseAsync(nameof(AConnectionReturnedInsideARawBegin_DoesNotKeepItsAdvisoryLock));
        await using var pool = PostgreSqlDataSources.Create(new NpgsqlConnectionStringBuilder(connectionString) { MaxPoolSize = 1 }.ConnectionString, new Bot.Storage.StorageOptions());
        await using var other = NpgsqlDataSource.Create(connectionString);
        for (var i = 0; i < 8; i++)
        {
            await using (var connection = await pool.OpenConnectionAsync())
            {
                await using var batch = new NpgsqlBatch(connection) { BatchCommands = { new("BEGIN"), new("SELECT pg_advisory_xact_lock(4242)") } };
                await batch.ExecuteNonQueryAsync();
            }
            await using var probe = other.CreateCommand("SELECT pg_try_advisory_xact_lock(4242)");
            Assert.True((bool)(await probe.ExecuteScalarAsync())!, $"round {i}: the lock outlived the connection's return to the pool");
        }
    }

    /// <summary>A turn cancelled while it waits for the other instance's lock leaves nothing locked or open.</summary>
    [Fact]
    public async Task ATurnCancelledWhileWaitingForTheLock_LeavesItsPoolClean()
    {
        var connectionString = await LockingInstance.DatabaseAsync(nameof(ATurnCancelledWhileWaitingForTheLock_LeavesItsPoolClean));
        await using var a = LockingInstance.Start(connectionString, "cancel-a", lockPoolSize: 1);
        await using var b = LockingInstance.Start(connectionString, "cancel-b", lockPoolSize: 1);
        var key = StateKeys.ConversationOf(LockingInstance.CustomerSays("cancelled"))!;
        for (var round = 0; round < 8; round++)
        {
            var held = await a.Locks.AcquireForTurnAsync(LockingInstance.CustomerSays("cancelled"), CancellationToken.None);
            using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(150));
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => b.Locks.AcquireForTurnAsync(LockingInstance.CustomerSays("cancelled"), cancel.Token));
            var read = await a.Storage.ReadAsync(key, CancellationToken.None);
            await a.Storage.WriteAsync(key, new StoreItem($"\"{round}\"", read?.ETag), CancellationToken.None);
            await held.DisposeAsync();

            await using var next = await b.Locks.AcquireForTurnAsync(LockingInstance.CustomerSays("cancelled"), CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));
            Assert.Equal($"\"{round}\"", (await b.Storage.ReadAsync(key, CancellationToken.None))?.Json);
        }
        Assert.Equal(0, await InTransactionAsync(a.Data, "cancel-b"));
    }

    /// <summary>A turn whose state write is cancelled (the request aborted) releases its lock and leaves its pool clean.</summary>
    [Fact]
    public async Task ATurnWhoseStateWriteIsCancelled_ReleasesTheLock()
    {
        var connectionString = await LockingInstance.DatabaseAsync(nameof(ATurnWhoseStateWriteIsCancelled_ReleasesTheLock));
        await using var a = LockingInstance.Start(connectionString, "wcancel-a", lockPoolSize: 1);
        await using var b = LockingInstance.Start(connectionString, "wcancel-b");
        var key = StateKeys.ConversationOf(LockingInstance.CustomerSays("write-cancelled"))!;
        await using (await a.Locks.AcquireForTurnAsync(LockingInstance.CustomerSays("write-cancelled"), CancellationToken.None))
        {
            await a.Storage.WriteAsync(key, new StoreItem("\"first\"", null), CancellationToken.None);
        }

        await using (var blocker = await b.Data.OpenConnectionAsync())
        {
            await using var hold = await blocker.BeginTransactionAsync();
            await using (var lockRow = new NpgsqlCommand("SELECT 1 FROM bot_state FOR UPDATE", blocker, hold))
            {
                await lockRow.ExecuteNonQueryAsync();
            }
            var turn = await a.Locks.AcquireForTurnAsync(LockingInstance.CustomerSays("write-cancelled"), CancellationToken.None);
            var read = await a.Storage.ReadAsync(key, CancellationToken.None);
            using var cancel = new CancellationTokenSource();
            var write = a.Storage.WriteAsync(key, new StoreItem("\"cancelled\"", read?.ETag), cancel.Token);
            await WaitForLockWaitAsync(b.Data, "wcancel-a");
            cancel.Cancel();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => write);
            await turn.DisposeAsync();
            await hold.RollbackAsync();
        }

        await using (await b.Locks.AcquireForTurnAsync(LockingInstance.CustomerSays("write-cancelled"), CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10)))
        {
            Assert.Equal("\"first\"", (await b.Storage.ReadAsync(key, CancellationToken.None))?.Json);
        }
        await using (await a.Locks.AcquireForTurnAsync(LockingInstance.CustomerSays("write-cancelled"), CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10)))
        {
            var read = await a.Storage.ReadAsync(key, CancellationToken.None);
            await a.Storage.WriteAsync(key, new StoreItem("\"after\"", read?.ETag), CancellationToken.None);
        }
        Assert.Equal(0, await InTransactionAsync(b.Data, "wcancel-a"));
    }

    /// <summary>
    /// The state write fails inside its statement on the lock's connection (here the server cancels it, as a
    /// statement_timeout or an operator would): the lock still covers the turn until its state is written on the work
    /// pool, and until the turn ends; the other instance's turn then reads what A wrote and writes on from it.
    /// </summary>
    [Fact]
    public async Task AStateWriteThatFailsOnTheLocksConnection_StillHoldsTheLockUntilTheStateIsWritten()
    {
        var connectionString = await LockingInstance.DatabaseAsync(nameof(AStateWriteThatFailsOnTheLocksConnection_StillHoldsTheLockUntilTheStateIsWritten));
        await using var a = LockingInstance.Start(connectionString, "wfail-a");
        await using var b = LockingInstance.Start(connectionString, "wfail-b");
        var key = StateKeys.ConversationOf(LockingInstance.CustomerSays("write-fails"))!;
        await using (await a.Locks.AcquireForTurnAsync(LockingInstance.CustomerSays("write-fails"), CancellationToken.None))
        {
            await a.Storage.WriteAsync(key, new StoreItem("\"v1\"", null), CancellationToken.None);
        }

        await using var blocker = await b.Data.OpenConnectionAsync();
        var hold = await blocker.BeginTransactionAsync();
        await using (var lockRow = new NpgsqlCommand("SELECT 1 FROM bot_state FOR UPDATE", blocker, hold))
        {
            await lockRow.ExecuteNonQueryAsync();
        }
        var turnOnA = await a.Locks.AcquireForTurnAsync(LockingInstance.CustomerSays("write-fails"), CancellationToken.None);
        var readOnA = await a.Storage.ReadAsync(key, CancellationToken.None);
        var writeOnA = a.Storage.WriteAsync(key, new StoreItem("\"v2 from a\"", readOnA?.ETag), CancellationToken.None);
        var pid = await WaitForLockWaitAsync(b.Data, "wfail-a");
        await using (var cancel = b.Data.CreateCommand($"SELECT pg_cancel_backend({pid})"))
        {
            await cancel.ExecuteNonQueryAsync();
        }
        // A now writes again on its work pool (blocked on the same row for the moment).
        await WaitForLockWaitAsync(b.Data, "wfail-a-work");

        var turnOnB = b.Locks.AcquireForTurnAsync(LockingInstance.CustomerSays("write-fails"), CancellationToken.None);
        await Task.Delay(500);
        Assert.False(turnOnB.IsCompleted, "the other instance's turn took the lock before A's state write landed");
        await hold.CommitAsync();
        await writeOnA;
        await Task.Delay(300);
        Assert.False(turnOnB.IsCompleted, "the lock was released when the write on its connection failed, not when the turn ended");

        await turnOnA.DisposeAsync();
        await using (await turnOnB.WaitAsync(TimeSpan.FromSeconds(10)))
        {
            var readOnB = await b.Storage.ReadAsync(key, CancellationToken.None);
            Assert.Equal("\"v2 from a\"", readOnB?.Json);
            await b.Storage.WriteAsync(key, new StoreItem("\"v3 from b\"", readOnB?.ETag), CancellationToken.None);
        }
        Assert.Equal("\"v3 from b\"", (await a.Storage.ReadAsync(key, CancellationToken.None))?.Json);
    }
}

/// <summary>Statements prepared on pooled connections (Max Auto Prepare) while the schema changes under a running instance.</summary>
public sealed class PreparedStatementsAttackTests
{
    [Fact]
    public async Task AColumnTypeChangedByAMigrationWhileAnInstanceRuns_DoesNotFailItsNextTurns()
    {
        var connectionString = await (await PostgreSqlServer.SharedAsync()).CreateDatabaseAsync(nameof(PreparedStatementsAttackTests));
        await using (var migrate = NpgsqlDataSource.Create(connectionString))
        {
            await SchemaMigrator.MigrateAsync(migrate, CancellationToken.None);
        }
        await using var data = PostgreSqlDataSources.Create(new NpgsqlConnectionStringBuilder(connectionString) { MaxPoolSize = 1 }.ConnectionString, new Bot.Storage.StorageOptions());
        var storage = new PostgreSqlStorage(data);
        await storage.WriteAsync("k", new StoreItem("\"x\"", null), CancellationToken.None);
        for (var i = 0; i < 10; i++)
        {
            await storage.ReadAsync("k", CancellationToken.None);
        }

        // A later build's migration, applied by the instance that starts first while this one still runs.
        await using (var other = NpgsqlDataSource.Create(connectionString))
        await using (var alter = other.CreateCommand("ALTER TABLE bot_state ALTER COLUMN json TYPE varchar"))
        {
            await alter.ExecuteNonQueryAsync();
        }

        var failed = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            try
            {
                Assert.Equal("\"x\"", (await storage.ReadAsync("k", CancellationToken.None))?.Json);
            }
            catch (PostgresException e)
            {
                failed.Add($"read {i}: {e.SqlState} {e.MessageText}");
            }
        }
        Assert.True(failed.Count == 0, string.Join("; ", failed));
    }
}

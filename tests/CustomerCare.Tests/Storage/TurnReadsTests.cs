using CustomerCare.Bot.Storage.PostgreSql;
using CustomerCare.Builder;
using CustomerCare.Cases;
using CustomerCare.Schema;
using CustomerCare.Tests.Support;
using Npgsql;

namespace CustomerCare.Tests.Storage;

/// <summary>What a turn reads with its lock is current: a case taken meanwhile through the instance is seen, and state written by the other instance's turn is read.</summary>
public sealed class TurnReadsTests
{
    [Fact]
    public async Task ACaseTakenWhileATurnTakesItsLock_IsSeenHeldByThatTurn()
    {
        await using var instance = LockingInstance.Start(await LockingInstance.DatabaseAsync(nameof(ACaseTakenWhileATurnTakesItsLock_IsSeenHeldByThatTurn)));
        var opened = await instance.Cases.OpenAsync(new CaseFile("CC-TURN01", CaseReason.CustomerAskedForPerson, "webchat", "turn-1", "customer", "en-US", DateTime.UtcNow),
            CancellationToken.None);

        // The case's row is held for a moment, so the take is under way while the customer's turn reads the case.
        await using var blocker = await instance.Data.OpenConnectionAsync();
        await using var hold = await blocker.BeginTransactionAsync();
        await using (var lockRow = new NpgsqlCommand("SELECT 1 FROM cases WHERE reference = $1 FOR UPDATE", blocker, hold) { Parameters = { new() { Value = opened.Reference } } })
        {
            await lockRow.ExecuteNonQueryAsync();
        }
        var take = instance.Cases.TryTakeAsync(opened.Reference, "ada", "Ada", CancellationToken.None);
        await Task.Delay(200);
        await using var turn = await instance.Locks.AcquireForTurnAsync(LockingInstance.CustomerSays("turn-1"), CancellationToken.None);
        await hold.CommitAsync();
        var claim = await take;

        Assert.True(claim.TakenByCaller);
        Assert.True((await instance.Cases.HeldForCustomerAsync("webchat", "turn-1", CancellationToken.None))?.IsHeldBy("ada"));
    }

    [Fact]
    public async Task TurnsOfOneConversationAlternatingBetweenInstances_EachReadWhatTheOtherWrote()
    {
        var connectionString = await LockingInstance.DatabaseAsync(nameof(TurnsOfOneConversationAlternatingBetweenInstances_EachReadWhatTheOtherWrote));
        await using var a = LockingInstance.Start(connectionString);
        await using var b = LockingInstance.Start(connectionString);
        var key = StateKeys.ConversationOf(LockingInstance.CustomerSays("alternating"))!;

        for (var turn = 0; turn < 40; turn++)
        {
            var instance = turn % 2 == 0 ? a : b;
            await using var held = await instance.Locks.AcquireForTurnAsync(LockingInstance.CustomerSays("alternating"), CancellationToken.None);
            var read = await instance.Storage.ReadAsync(key, CancellationToken.None);
            Assert.Equal(turn == 0 ? null : (turn - 1).ToString(System.Globalization.CultureInfo.InvariantCulture), read?.Json);
            await instance.Storage.WriteAsync(key, new StoreItem(turn.ToString(System.Globalization.CultureInfo.InvariantCulture), read?.ETag), CancellationToken.None);
        }
    }

    [Fact]
    public async Task TheTurnsStateWrite_ReleasesItsLock_SoTheOtherInstancesTurnGoesOnWithWhatItWrote_BeforeTheFirstTurnEnds()
    {
        var connectionString = await LockingInstance.DatabaseAsync(nameof(TheTurnsStateWrite_ReleasesItsLock_SoTheOtherInstancesTurnGoesOnWithWhatItWrote_BeforeTheFirstTurnEnds));
        await using var a = LockingInstance.Start(connectionString);
        await using var b = LockingInstance.Start(connectionString);
        var key = StateKeys.ConversationOf(LockingInstance.CustomerSays("released-by-write"))!;

        // Enough rounds for every statement to be prepared on the pooled connections, as it is in a running bot.
        string? etag = null;
        for (var round = 0; round < 12; round++)
        {
            var first = await a.Locks.AcquireForTurnAsync(LockingInstance.CustomerSays("released-by-write"), CancellationToken.None);
            var read = await a.Storage.ReadAsync(key, CancellationToken.None);
            Assert.Equal(etag, read?.ETag);
            var second = b.Locks.AcquireForTurnAsync(LockingInstance.CustomerSays("released-by-write"), CancellationToken.None);
            await Task.Delay(150);
            Assert.False(second.IsCompleted, $"in round {round} the other instance's turn did not wait for the first turn's write");

            var written = await a.Storage.WriteAsync(key, new StoreItem($"\"a{round}\"", read?.ETag), CancellationToken.None);
            await using (await second.WaitAsync(TimeSpan.FromSeconds(10)))
            {
                var readOnB = await b.Storage.ReadAsync(key, CancellationToken.None);
                Assert.Equal($"\"a{round}\"", readOnB?.Json);
                etag = await b.Storage.WriteAsync(key, new StoreItem($"\"b{round}\"", written), CancellationToken.None);
            }
            await first.DisposeAsync();
        }

        // The lock's connections went back to their pool outside any transaction: the next turns lock and write as before.
        for (var turn = 0; turn < 5; turn++)
        {
            await using var next = await a.Locks.AcquireForTurnAsync(LockingInstance.CustomerSays("released-by-write"), CancellationToken.None);
            var read = await a.Storage.ReadAsync(key, CancellationToken.None);
            await a.Storage.WriteAsync(key, new StoreItem(turn.ToString(System.Globalization.CultureInfo.InvariantCulture), read?.ETag), CancellationToken.None);
        }
        await using var idle = await a.Data.OpenConnectionAsync();
        await using var inTransaction = new NpgsqlCommand("SELECT count(*) FROM pg_stat_activity WHERE application_name = 'turn-locks' AND state <> 'idle'", idle);
        Assert.Equal(0L, await inTransaction.ExecuteScalarAsync());
        Assert.Equal("4", (await a.Storage.ReadAsync(key, CancellationToken.None))?.Json);
    }

    [Fact]
    public async Task ATurnWhoseLocksConnectionDied_StillWritesItsState_AndAWriteFromAStaleReadIsRefused()
    {
        var connectionString = await LockingInstance.DatabaseAsync(nameof(ATurnWhoseLocksConnectionDied_StillWritesItsState_AndAWriteFromAStaleReadIsRefused));
        await using var a = LockingInstance.Start(connectionString, "instance-a-locks");
        await using var b = LockingInstance.Start(connectionString, "instance-b-locks");
        var key = StateKeys.ConversationOf(LockingInstance.CustomerSays("lock-died"))!;

        await using (var turn = await a.Locks.AcquireForTurnAsync(LockingInstance.CustomerSays("lock-died"), CancellationToken.None))
        {
            var read = await a.Storage.ReadAsync(key, CancellationToken.None);
            await using (var kill = b.Data.CreateCommand("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'instance-a-locks'"))
            {
                await kill.ExecuteNonQueryAsync();
            }
            await a.Storage.WriteAsync(key, new StoreItem("\"written\"", read?.ETag), CancellationToken.None);
        }
        Assert.Equal("\"written\"", (await b.Storage.ReadAsync(key, CancellationToken.None))?.Json);

        // A turn on A read the state; meanwhile B's turn ran without waiting (A's lock died) and wrote first.
        await using (var turnOnA = await a.Locks.AcquireForTurnAsync(LockingInstance.CustomerSays("lock-died"), CancellationToken.None))
        {
            var readOnA = await a.Storage.ReadAsync(key, CancellationToken.None);
            await using (var kill = b.Data.CreateCommand("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'instance-a-locks'"))
            {
                await kill.ExecuteNonQueryAsync();
            }
            await using (var turnOnB = await b.Locks.AcquireForTurnAsync(LockingInstance.CustomerSays("lock-died"), CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10)))
            {
                var readOnB = await b.Storage.ReadAsync(key, CancellationToken.None);
                await b.Storage.WriteAsync(key, new StoreItem("\"b\"", readOnB?.ETag), CancellationToken.None);
            }
            await Assert.ThrowsAsync<StorageConflictException>(() => a.Storage.WriteAsync(key, new StoreItem("\"a\"", readOnA?.ETag), CancellationToken.None));
        }
        Assert.Equal("\"b\"", (await a.Storage.ReadAsync(key, CancellationToken.None))?.Json);
    }
}

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
    private sealed class Instance(NpgsqlDataSource data, TurnReads reads, TurnLockPool pool) : IAsyncDisposable
    {
        public NpgsqlDataSource Data { get; } = data;

        public PostgreSqlConversationLocks Locks { get; } = new(pool, new ConversationLocks(), null, reads);

        public PostgreSqlStorage Storage { get; } = new(data, reads);

        public PostgreSqlCaseStore Cases { get; } = new(data, TimeProvider.System, null, reads);

        public static Instance Start(string connectionString) => new(NpgsqlDataSource.Create(connectionString), new TurnReads(), new TurnLockPool(NpgsqlDataSource.Create(connectionString)));

        public async ValueTask DisposeAsync()
        {
            await Data.DisposeAsync();
            await pool.DisposeAsync();
        }
    }

    private static async Task<string> DatabaseAsync(string purpose)
    {
        var connectionString = await (await PostgreSqlServer.SharedAsync()).CreateDatabaseAsync(purpose);
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await SchemaMigrator.MigrateAsync(dataSource, CancellationToken.None);
        return connectionString;
    }

    private static Activity CustomerSays(string conversation) => new()
    {
        Type = ActivityTypes.Message, ChannelId = "webchat", Text = "hello", Conversation = new ConversationAccount { Id = conversation },
        From = new ChannelAccount { Id = "customer" }, Recipient = new ChannelAccount { Id = "bot" },
    };

    [Fact]
    public async Task ACaseTakenWhileATurnTakesItsLock_IsSeenHeldByThatTurn()
    {
        await using var instance = Instance.Start(await DatabaseAsync(nameof(ACaseTakenWhileATurnTakesItsLock_IsSeenHeldByThatTurn)));
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
        await using var turn = await instance.Locks.AcquireForTurnAsync(CustomerSays("turn-1"), CancellationToken.None);
        await hold.CommitAsync();
        var claim = await take;

        Assert.True(claim.TakenByCaller);
        Assert.True((await instance.Cases.HeldForCustomerAsync("webchat", "turn-1", CancellationToken.None))?.IsHeldBy("ada"));
    }

    [Fact]
    public async Task TurnsOfOneConversationAlternatingBetweenInstances_EachReadWhatTheOtherWrote()
    {
        var connectionString = await DatabaseAsync(nameof(TurnsOfOneConversationAlternatingBetweenInstances_EachReadWhatTheOtherWrote));
        await using var a = Instance.Start(connectionString);
        await using var b = Instance.Start(connectionString);
        var key = StateKeys.ConversationOf(CustomerSays("alternating"))!;

        for (var turn = 0; turn < 40; turn++)
        {
            var instance = turn % 2 == 0 ? a : b;
            await using var held = await instance.Locks.AcquireForTurnAsync(CustomerSays("alternating"), CancellationToken.None);
            var read = await instance.Storage.ReadAsync(key, CancellationToken.None);
            Assert.Equal(turn == 0 ? null : (turn - 1).ToString(System.Globalization.CultureInfo.InvariantCulture), read?.Json);
            await instance.Storage.WriteAsync(key, new StoreItem(turn.ToString(System.Globalization.CultureInfo.InvariantCulture), read?.ETag), CancellationToken.None);
        }
    }
}

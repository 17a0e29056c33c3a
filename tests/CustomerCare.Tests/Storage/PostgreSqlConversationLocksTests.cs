using CustomerCare.Bot.Storage.PostgreSql;
using CustomerCare.Builder;
using CustomerCare.Tests.Support;
using Npgsql;

namespace CustomerCare.Tests.Storage;

/// <summary>Turns of one conversation on two instances (two connection pools to one database) run one after the other.</summary>
public sealed class PostgreSqlConversationLocksTests
{
    private static async Task<(NpgsqlDataSource A, NpgsqlDataSource B)> TwoInstancesAsync()
    {
        var connectionString = await (await PostgreSqlServer.SharedAsync()).CreateDatabaseAsync(nameof(PostgreSqlConversationLocksTests));
        NpgsqlDataSource Named(string name) => NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(connectionString) { ApplicationName = name }.ConnectionString);
        return (Named("instance-a"), Named("instance-b"));
    }

    [Fact]
    public async Task ATurnOnTheOtherInstance_WaitsUntilTheFirstEnds_WhileOtherConversationsGoOn()
    {
        var (a, b) = await TwoInstancesAsync();
        await using var _ = a;
        await using var __ = b;
        var onA = new PostgreSqlConversationLocks(new TurnLockPool(a), new ConversationLocks());
        var onB = new PostgreSqlConversationLocks(new TurnLockPool(b), new ConversationLocks());

        var first = await onA.AcquireAsync("conversation-1", CancellationToken.None);
        var second = onB.AcquireAsync("conversation-1", CancellationToken.None);
        var other = await onB.AcquireAsync("conversation-2", CancellationToken.None);
        await Task.Delay(300);

        Assert.False(second.IsCompleted, "the second turn did not wait");
        await first.DisposeAsync();
        await (await second.WaitAsync(TimeSpan.FromSeconds(10))).DisposeAsync();
        await other.DisposeAsync();
    }

    [Fact]
    public async Task AnInstanceThatDies_HoldingATurn_LeavesTheConversationFree()
    {
        var (a, b) = await TwoInstancesAsync();
        await using var _ = a;
        await using var __ = b;
        var logs = new RecordingLoggerProvider();
        using var loggers = new Microsoft.Extensions.Logging.LoggerFactory([logs]);
        var onA = new PostgreSqlConversationLocks(new TurnLockPool(a), new ConversationLocks(), new Microsoft.Extensions.Logging.Logger<PostgreSqlConversationLocks>(loggers));
        var onB = new PostgreSqlConversationLocks(new TurnLockPool(b), new ConversationLocks());
        var heldByA = await onA.AcquireAsync("conversation-1", CancellationToken.None);
        var waiting = onB.AcquireAsync("conversation-1", CancellationToken.None);
        await Task.Delay(200);
        Assert.False(waiting.IsCompleted);

        // Instance A's connections end as a killed process's do.
        await using (var kill = b.CreateCommand("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'instance-a'"))
        {
            await kill.ExecuteNonQueryAsync();
        }

        await (await waiting.WaitAsync(TimeSpan.FromSeconds(10))).DisposeAsync();
        // A's turn learns, when it ends, that its lock had gone.
        await heldByA.DisposeAsync();
        Assert.Contains(logs.Lines, l => l.Message.Contains("turn lock of conversation conversation-1 was lost", StringComparison.Ordinal));
    }
}

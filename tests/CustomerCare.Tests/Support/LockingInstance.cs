using CustomerCare.Bot.Storage;
using CustomerCare.Bot.Storage.PostgreSql;
using CustomerCare.Builder;
using CustomerCare.Schema;
using Npgsql;

namespace CustomerCare.Tests.Support;

/// <summary>
/// One bot instance's turn locks and stores on PostgreSQL, as the bot composes them: a work pool and a lock pool (named
/// <c>{locks}-work</c> and <c>{locks}</c> in <c>pg_stat_activity</c>) sharing what the turns read.
/// </summary>
public sealed class LockingInstance(NpgsqlDataSource data, TurnReads reads, TurnLockPool pool) : IAsyncDisposable
{
    public NpgsqlDataSource Data { get; } = data;

    public PostgreSqlConversationLocks Locks { get; } = new(pool, new ConversationLocks(), null, reads);

    public PostgreSqlStorage Storage { get; } = new(data, reads);

    public PostgreSqlCaseStore Cases { get; } = new(data, TimeProvider.System, null, reads);

    public static LockingInstance Start(string connectionString, string locks = "turn-locks", int? lockPoolSize = null)
    {
        var lockPool = new NpgsqlConnectionStringBuilder(connectionString) { ApplicationName = locks };
        if (lockPoolSize is { } size)
        {
            lockPool.MaxPoolSize = size;
        }
        return new(PostgreSqlDataSources.Create(new NpgsqlConnectionStringBuilder(connectionString) { ApplicationName = locks + "-work" }.ConnectionString, new StorageOptions()),
            new TurnReads(), new TurnLockPool(PostgreSqlDataSources.Create(lockPool.ConnectionString, new StorageOptions())));
    }

    /// <summary>A new database on the shared test server, migrated to this build's schema.</summary>
    public static async Task<string> DatabaseAsync(string purpose)
    {
        var connectionString = await (await PostgreSqlServer.SharedAsync()).CreateDatabaseAsync(purpose);
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await SchemaMigrator.MigrateAsync(dataSource, CancellationToken.None);
        return connectionString;
    }

    /// <summary>A customer's message in a Web Chat conversation, as a turn's lock is taken for it.</summary>
    public static Activity CustomerSays(string conversation) => new()
    {
        Type = ActivityTypes.Message, ChannelId = "webchat", Text = "hello", Conversation = new ConversationAccount { Id = conversation },
        From = new ChannelAccount { Id = "customer" }, Recipient = new ChannelAccount { Id = "bot" },
    };

    public async ValueTask DisposeAsync()
    {
        await Data.DisposeAsync();
        await pool.DisposeAsync();
    }
}

using CustomerCare.Bot.Storage;
using CustomerCare.Bot.Storage.PostgreSql;
using CustomerCare.Payouts;
using CustomerCare.Tests.Support;
using Npgsql;

namespace CustomerCare.Tests.Payouts;

public sealed class LiteDbPayoutStoreTests : PayoutStoreContract
{
    private readonly LiteDbFile _file = LiteDbFile.Open(BotHost.TempDataPath());
    private LiteDbWriter? _writer;

    protected override IPayoutStore AnotherInstance() => new LiteDbPayoutStore(_file.Database, _writer!);

    public override Task InitializeAsync()
    {
        _writer = new LiteDbWriter(_file);
        Ledger = new LiteDbLedger(_file.Database, _writer, Clock);
        Payouts = new LiteDbPayoutStore(_file.Database, _writer);
        return Task.CompletedTask;
    }

    public override Task DisposeAsync()
    {
        _writer?.Dispose();
        _file.Dispose();
        return Task.CompletedTask;
    }
}

public sealed class PostgreSqlPayoutStoreTests : PayoutStoreContract
{
    private readonly List<NpgsqlDataSource> _dataSources = [];
    private string _connectionString = "";

    protected override IPayoutStore AnotherInstance()
    {
        var dataSource = NpgsqlDataSource.Create(_connectionString);
        _dataSources.Add(dataSource);
        return new PostgreSqlPayoutStore(dataSource);
    }

    public override async Task InitializeAsync()
    {
        _connectionString = await (await PostgreSqlServer.SharedAsync()).CreateDatabaseAsync(nameof(PostgreSqlPayoutStoreTests));
        var dataSource = NpgsqlDataSource.Create(_connectionString);
        _dataSources.Add(dataSource);
        await SchemaMigrator.MigrateAsync(dataSource, CancellationToken.None);
        Ledger = new PostgreSqlLedger(dataSource, Clock);
        Payouts = new PostgreSqlPayoutStore(dataSource);
    }

    public override async Task DisposeAsync()
    {
        foreach (var dataSource in _dataSources)
        {
            await dataSource.DisposeAsync();
        }
    }
}

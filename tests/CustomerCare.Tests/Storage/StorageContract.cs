using CustomerCare.Bot.Storage;
using CustomerCare.Bot.Storage.PostgreSql;
using CustomerCare.Builder;
using CustomerCare.Tests.Support;
using Npgsql;

namespace CustomerCare.Tests.Storage;

/// <summary>What every state store promises (optimistic concurrency by ETag): each test runs against LiteDB and PostgreSQL.</summary>
public abstract class StorageContract : IAsyncLifetime
{
    private IStorage _storage = null!;

    protected abstract Task<IStorage> OpenAsync();

    public abstract Task DisposeAsync();

    public async Task InitializeAsync() => _storage = await OpenAsync();

    [Fact]
    public async Task ADocument_IsWrittenNew_ReadBackWithItsETag_AndReplacedOnlyWithThatETag()
    {
        Assert.Null(await _storage.ReadAsync("conv/1", CancellationToken.None));

        var first = await _storage.WriteAsync("conv/1", new StoreItem("""{"step":1}""", null), CancellationToken.None);
        var read = await _storage.ReadAsync("conv/1", CancellationToken.None);
        var second = await _storage.WriteAsync("conv/1", new StoreItem("""{"step":2}""", first), CancellationToken.None);

        Assert.Equal(("""{"step":1}""", first), (read!.Json, read.ETag));
        Assert.NotEqual(first, second);
        Assert.Equal("""{"step":2}""", (await _storage.ReadAsync("conv/1", CancellationToken.None))!.Json);
        await Assert.ThrowsAsync<StorageConflictException>(() => _storage.WriteAsync("conv/1", new StoreItem("""{"step":"stale"}""", first), CancellationToken.None));
        await Assert.ThrowsAsync<StorageConflictException>(() => _storage.WriteAsync("conv/1", new StoreItem("""{"step":"new"}""", null), CancellationToken.None));
        await Assert.ThrowsAsync<StorageConflictException>(() => _storage.WriteAsync("conv/1", new StoreItem("""{"step":"odd"}""", "not-an-etag"), CancellationToken.None));
        Assert.Equal("""{"step":2}""", (await _storage.ReadAsync("conv/1", CancellationToken.None))!.Json);
    }

    [Fact]
    public async Task AStar_Overwrites_AndADelete_Forgets()
    {
        await _storage.WriteAsync("user/1", new StoreItem("""{"v":1}""", null), CancellationToken.None);

        await _storage.WriteAsync("user/1", new StoreItem("""{"v":2}""", "*"), CancellationToken.None);
        await _storage.WriteAsync("user/2", new StoreItem("""{"v":3}""", "*"), CancellationToken.None);
        var overwritten = await _storage.ReadAsync("user/1", CancellationToken.None);
        await _storage.DeleteAsync("user/1", CancellationToken.None);

        Assert.Equal("""{"v":2}""", overwritten!.Json);
        Assert.Null(await _storage.ReadAsync("user/1", CancellationToken.None));
        Assert.Equal("""{"v":3}""", (await _storage.ReadAsync("user/2", CancellationToken.None))!.Json);
    }

    [Fact]
    public async Task WritersFromOneRead_AtTheSameMoment_OneWins_TheOthersAreToldOfTheConflict()
    {
        for (var round = 0; round < 20; round++)
        {
            var key = "race/" + round;
            var etag = await _storage.WriteAsync(key, new StoreItem("0", null), CancellationToken.None);
            using var start = new ManualResetEventSlim(false);
            var writers = Enumerable.Range(0, 8).Select(i => Task.Run(async () =>
            {
                start.Wait();
                try
                {
                    await _storage.WriteAsync(key, new StoreItem(i.ToString(System.Globalization.CultureInfo.InvariantCulture), etag), CancellationToken.None);
                    return i;
                }
                catch (StorageConflictException)
                {
                    return -1;
                }
            })).ToArray();
            start.Set();
            var won = Assert.Single(await Task.WhenAll(writers), i => i >= 0);

            Assert.Equal(won.ToString(System.Globalization.CultureInfo.InvariantCulture), (await _storage.ReadAsync(key, CancellationToken.None))!.Json);
        }
    }

    [Fact]
    public async Task AKeyOfThousandsOfCharacters_IsStoredAndFound()
    {
        var key = "msteams/conversations/" + new string('é', 3_000);

        var etag = await _storage.WriteAsync(key, new StoreItem("{}", null), CancellationToken.None);

        Assert.Equal(etag, (await _storage.ReadAsync(key, CancellationToken.None))!.ETag);
        Assert.Null(await _storage.ReadAsync(key + "x", CancellationToken.None));
    }
}

public sealed class PostgreSqlStorageTests : StorageContract
{
    private NpgsqlDataSource? _dataSource;

    protected override async Task<IStorage> OpenAsync()
    {
        _dataSource = NpgsqlDataSource.Create(await (await PostgreSqlServer.SharedAsync()).CreateDatabaseAsync(nameof(PostgreSqlStorageTests)));
        await SchemaMigrator.MigrateAsync(_dataSource, CancellationToken.None);
        return new PostgreSqlStorage(_dataSource);
    }

    public override async Task DisposeAsync()
    {
        if (_dataSource is not null)
        {
            await _dataSource.DisposeAsync();
        }
    }
}

public sealed class LiteDbStorageTests : StorageContract
{
    private readonly LiteDbFile _file = LiteDbFile.Open(BotHost.TempDataPath());
    private LiteDbWriter? _writer;

    protected override Task<IStorage> OpenAsync()
    {
        _writer = new LiteDbWriter(_file);
        return Task.FromResult<IStorage>(new LiteDbStorage(_file.Database, _writer));
    }

    public override Task DisposeAsync()
    {
        _writer?.Dispose();
        _file.Dispose();
        return Task.CompletedTask;
    }
}

using CustomerCare.Bot.DirectLine;
using CustomerCare.Bot.Storage;
using CustomerCare.Bot.Storage.PostgreSql;
using CustomerCare.Tests.Support;
using Npgsql;

namespace CustomerCare.Tests.DirectLine;

/// <summary>
/// What every store of Direct Line's uploads and signing key promises, against LiteDB and PostgreSQL: a file comes
/// back byte for byte under its id only, and the first key kept is the key for good, however many instances race.
/// </summary>
public abstract class DirectLineKeepingContract : IAsyncLifetime
{
    protected IUploadStore Uploads { get; set; } = null!;

    /// <summary>A second view of the same store, as another instance (or the same process after a restart) has it.</summary>
    protected abstract ISigningKeyStore KeysOfAnotherInstance();

    protected ISigningKeyStore Keys { get; set; } = null!;

    public abstract Task InitializeAsync();

    public abstract Task DisposeAsync();

    [Fact]
    public async Task AnUploadedFile_ComesBackByteForByte_WithItsNameAndType_AndNoOtherIdFindsIt()
    {
        var bytes = Enumerable.Range(0, 300_000).Select(i => (byte)(i * 31 % 251)).ToArray();
        await Uploads.SaveAsync("0123456789abcdef0123456789abcdef", "receipt ä.pdf", "application/pdf", new MemoryStream(bytes), CancellationToken.None);

        var file = await Uploads.OpenAsync("0123456789abcdef0123456789abcdef", CancellationToken.None);
        Assert.NotNull(file);
        using var copy = new MemoryStream();
        await using (file.Content)
        {
            await file.Content.CopyToAsync(copy);
        }
        Assert.Equal(bytes, copy.ToArray());
        Assert.Equal(("receipt ä.pdf", "application/pdf"), (file.FileName, file.ContentType));
        Assert.Null(await Uploads.OpenAsync("0123456789abcdef0123456789abcdee", CancellationToken.None));
        Assert.Null(await Uploads.OpenAsync("", CancellationToken.None));
    }

    [Fact]
    public void TheFirstKeyKept_IsTheKeyForEveryInstance_EvenWhenTheyStartTogether()
    {
        var others = Enumerable.Range(0, 6).Select(_ => KeysOfAnotherInstance()).ToArray();
        var offered = others.Select(_ => System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)).ToArray();

        var kept = others.AsParallel().Select((store, i) => store.GetOrAdd(offered[i])).ToArray();

        Assert.Single(kept.Select(Convert.ToHexString).Distinct());
        Assert.Contains(kept[0], offered);
        Assert.Equal(kept[0], Keys.GetOrAdd(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)));
    }
}

public sealed class LiteDbDirectLineKeepingTests : DirectLineKeepingContract
{
    private readonly LiteDbFile _file = LiteDbFile.Open(BotHost.TempDataPath());
    private LiteDbWriter? _writer;

    protected override ISigningKeyStore KeysOfAnotherInstance() => new LiteDbSigningKeyStore(_writer!);

    public override Task InitializeAsync()
    {
        _writer = new LiteDbWriter(_file);
        Uploads = new LiteDbUploadStore(_file.Database, _writer);
        Keys = new LiteDbSigningKeyStore(_writer);
        return Task.CompletedTask;
    }

    public override Task DisposeAsync()
    {
        _writer?.Dispose();
        _file.Dispose();
        return Task.CompletedTask;
    }
}

public sealed class PostgreSqlDirectLineKeepingTests : DirectLineKeepingContract
{
    private readonly List<NpgsqlDataSource> _dataSources = [];
    private string _connectionString = "";

    protected override ISigningKeyStore KeysOfAnotherInstance()
    {
        var dataSource = NpgsqlDataSource.Create(_connectionString);
        lock (_dataSources)
        {
            _dataSources.Add(dataSource);
        }
        return new PostgreSqlSigningKeyStore(dataSource);
    }

    public override async Task InitializeAsync()
    {
        _connectionString = await (await PostgreSqlServer.SharedAsync()).CreateDatabaseAsync(nameof(PostgreSqlDirectLineKeepingTests));
        var dataSource = NpgsqlDataSource.Create(_connectionString);
        _dataSources.Add(dataSource);
        await SchemaMigrator.MigrateAsync(dataSource, CancellationToken.None);
        Uploads = new PostgreSqlUploadStore(dataSource, TimeProvider.System);
        Keys = new PostgreSqlSigningKeyStore(dataSource);
    }

    public override async Task DisposeAsync()
    {
        foreach (var dataSource in _dataSources)
        {
            await dataSource.DisposeAsync();
        }
    }
}

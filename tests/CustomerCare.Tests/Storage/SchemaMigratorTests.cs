using CustomerCare.Bot.Storage.PostgreSql;
using CustomerCare.Tests.Support;
using Npgsql;

namespace CustomerCare.Tests.Storage;

public sealed class SchemaMigratorTests
{
    private static async Task<NpgsqlDataSource> EmptyDatabaseAsync()
        => NpgsqlDataSource.Create(await (await PostgreSqlServer.SharedAsync()).CreateDatabaseAsync(nameof(SchemaMigratorTests)));

    private static async Task<List<string>> TablesAsync(NpgsqlDataSource dataSource)
    {
        await using var command = dataSource.CreateCommand("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1");
        await using var reader = await command.ExecuteReaderAsync();
        var tables = new List<string>();
        while (await reader.ReadAsync())
        {
            tables.Add(reader.GetString(0));
        }
        return tables;
    }

    [Fact]
    public async Task FromAnEmptyDatabase_EveryShippedStepIsApplied_AndRunningAgainChangesNothing()
    {
        await using var dataSource = await EmptyDatabaseAsync();

        var first = await SchemaMigrator.MigrateAsync(dataSource, CancellationToken.None);
        var again = await SchemaMigrator.MigrateAsync(dataSource, CancellationToken.None);

        Assert.Equal((0, SchemaMigration.Shipped[^1].Version), (first.FromVersion, first.ToVersion));
        Assert.Equal(SchemaMigration.Shipped.Select(m => m.Version), first.Applied.Select(m => m.Version));
        Assert.Empty(again.Applied);
        Assert.Contains("ledger_entries", await TablesAsync(dataSource));
        Assert.Contains("schema_migrations", await TablesAsync(dataSource));
    }

    [Fact]
    public async Task InstancesStartingTogether_ApplyEachStepOnce()
    {
        await using var dataSource = await EmptyDatabaseAsync();

        var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(() => SchemaMigrator.MigrateAsync(dataSource, CancellationToken.None))));

        Assert.Equal(SchemaMigration.Shipped.Count, results.Sum(r => r.Applied.Count));
        await using var count = dataSource.CreateCommand("SELECT count(*) FROM schema_migrations");
        Assert.Equal((long)SchemaMigration.Shipped.Count, await count.ExecuteScalarAsync());
    }

    [Fact]
    public async Task FromThePreviousSchema_OnlyTheNewStepIsApplied_AndTheDataStays()
    {
        await using var dataSource = await EmptyDatabaseAsync();
        await SchemaMigrator.MigrateAsync(dataSource, CancellationToken.None);
        await using (var insert = dataSource.CreateCommand("INSERT INTO approvals (id, status, requested_utc, request) VALUES ('A-1', 'Pending', now(), '{}')"))
        {
            await insert.ExecuteNonQueryAsync();
        }
        var next = new SchemaMigration(SchemaMigration.Shipped[^1].Version + 1, "approvals_note", "ALTER TABLE approvals ADD COLUMN note text");

        var result = await SchemaMigrator.MigrateAsync(dataSource, CancellationToken.None, [.. SchemaMigration.Shipped, next]);

        Assert.Equal(next.Version, Assert.Single(result.Applied).Version);
        await using var read = dataSource.CreateCommand("SELECT id, note FROM approvals");
        await using var reader = await read.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        Assert.Equal(("A-1", true), (reader.GetString(0), reader.IsDBNull(1)));
    }

    [Fact]
    public async Task FromTheSchemaTheBuildBeforeShipped_OnlyTheLastShippedStepIsApplied_AndTheStateStays()
    {
        await using var dataSource = await EmptyDatabaseAsync();
        await SchemaMigrator.MigrateAsync(dataSource, CancellationToken.None, [.. SchemaMigration.Shipped.Take(SchemaMigration.Shipped.Count - 1)]);
        var storage = new PostgreSqlStorage(dataSource);
        var etag = await storage.WriteAsync("webchat/conversations/before", new CustomerCare.Builder.StoreItem("{\"kept\":true}", null), CancellationToken.None);

        var result = await SchemaMigrator.MigrateAsync(dataSource, CancellationToken.None);

        Assert.Equal(SchemaMigration.Shipped[^1].Version, Assert.Single(result.Applied).Version);
        Assert.Equal(("{\"kept\":true}", etag), (await storage.ReadAsync("webchat/conversations/before", CancellationToken.None)) is { } item ? (item.Json, item.ETag) : default);
    }

    [Fact]
    public async Task ADatabaseNewerThanTheBuild_IsRefused_AndLeftAsItIs()
    {
        await using var dataSource = await EmptyDatabaseAsync();
        var next = new SchemaMigration(SchemaMigration.Shipped[^1].Version + 1, "future", "CREATE TABLE future (id int)");
        await SchemaMigrator.MigrateAsync(dataSource, CancellationToken.None, [.. SchemaMigration.Shipped, next]);

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => SchemaMigrator.MigrateAsync(dataSource, CancellationToken.None));

        Assert.Contains($"version {next.Version}, newer than this build's {SchemaMigration.Shipped[^1].Version}", refused.Message);
        Assert.Contains("future", await TablesAsync(dataSource));
    }

    [Fact]
    public async Task AFailingStep_LeavesTheSchemaAtItsVersionBefore()
    {
        await using var dataSource = await EmptyDatabaseAsync();
        var broken = new SchemaMigration(SchemaMigration.Shipped[^1].Version + 1, "broken", "CREATE TABLE half (id int); SELECT no_such_function()");

        await Assert.ThrowsAsync<PostgresException>(() => SchemaMigrator.MigrateAsync(dataSource, CancellationToken.None, [.. SchemaMigration.Shipped, broken]));

        Assert.Empty(await TablesAsync(dataSource));
        Assert.Equal(SchemaMigration.Shipped.Count, (await SchemaMigrator.MigrateAsync(dataSource, CancellationToken.None)).Applied.Count);
    }

    [Fact]
    public async Task TheMigrateCommand_SaysWhatItApplied_ThenThatNothingWasLeft_AndExplainsABadConnectionString()
    {
        var connectionString = await (await PostgreSqlServer.SharedAsync()).CreateDatabaseAsync(nameof(SchemaMigratorTests) + "Command");
        var (first, firstOutput, _) = await MigrateAsync("--ConnectionStrings:CustomerCare", connectionString);
        var (again, againOutput, _) = await MigrateAsync("--ConnectionStrings:CustomerCare", connectionString);
        var (missing, _, missingError) = await MigrateAsync("--ConnectionStrings:CustomerCare", "");
        var (wrong, _, wrongError) = await MigrateAsync("--ConnectionStrings:CustomerCare", "Hots=nowhere");

        Assert.Equal((0, 0, 1, 1), (first, again, missing, wrong));
        Assert.Contains("applied 0001_ledger", firstOutput, StringComparison.Ordinal);
        Assert.Contains($"schema already at version {SchemaMigration.Shipped[^1].Version}", againOutput, StringComparison.Ordinal);
        Assert.Contains("ConnectionStrings:CustomerCare is empty", missingError, StringComparison.Ordinal);
        Assert.Contains("not a valid PostgreSQL connection string", wrongError, StringComparison.Ordinal);
    }

    private static async Task<(int Exit, string Output, string Error)> MigrateAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await CustomerCare.Bot.Cli.MigrateCommand.RunAsync(args, output, error);
        return (exit, output.ToString(), error.ToString());
    }
}

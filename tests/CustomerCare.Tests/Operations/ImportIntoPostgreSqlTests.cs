using CustomerCare.Bot.Cli;
using CustomerCare.Bot.Storage.PostgreSql;
using CustomerCare.Operations;
using CustomerCare.Remedies;
using CustomerCare.Tests.Support;

namespace CustomerCare.Tests.Operations;

/// <summary>On PostgreSQL, the import command writes while instances run, and every instance reads the import at once (an import's notification makes each forget what it kept).</summary>
public sealed class ImportIntoPostgreSqlTests
{
    [Fact]
    public async Task ABookingImportedWhileTwoInstancesRun_IsClaimableThroughEither_AndABadFileImportsNothing()
    {
        var connectionString = await (await PostgreSqlServer.SharedAsync()).CreateDatabaseAsync(nameof(ImportIntoPostgreSqlTests));
        string[] settings = ["--Storage:Provider", "PostgreSql", "--ConnectionStrings:CustomerCare", connectionString, "--DemoData:Enabled", "false"];
        var started = await Task.WhenAll(BotProcess.StartAsync(BotHost.TempDataPath(), settings), BotProcess.StartAsync(BotHost.TempDataPath(), settings));
        using var a = started[0];
        using var b = started[1];
        using var toA = new HttpClient { BaseAddress = new Uri(a.Url) };
        using var toB = new HttpClient { BaseAddress = new Uri(b.Url) };
        await using var channel = await FakeChannel.StartAsync();

        // Both instances look the booking up before it exists (and may keep that they did not find it).
        Assert.Null(await DelayedFlightClaims.PlayAsync(toA, channel, DelayedFlightClaims.Locator(0), "before-a"));
        Assert.Null(await DelayedFlightClaims.PlayAsync(toB, channel, DelayedFlightClaims.Locator(1), "before-b"));

        // Written into a scratch data file, then imported from its JSON into PostgreSQL with the bots running.
        var scratch = BotHost.TempDataPath();
        DelayedFlightClaims.Import(scratch, 2);
        var json = Path.Combine(Path.GetDirectoryName(scratch)!, "crash-data.json");
        var bad = Path.Combine(Path.GetDirectoryName(scratch)!, "bad.json");
        await File.WriteAllTextAsync(bad, """{"bookings":[{"recordLocator":"BAD001","passengers":[],"segments":[]}]}""");
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = ImportCommand.Run([json, "--Storage:Provider", "PostgreSql", "--ConnectionStrings:CustomerCare", connectionString], scratch, output, error);
        var badExit = ImportCommand.Run([bad, "--Storage:Provider", "PostgreSql", "--ConnectionStrings:CustomerCare", connectionString], scratch, new StringWriter(), error);

        Assert.Equal(0, exit);
        Assert.Contains("into PostgreSQL", output.ToString(), StringComparison.Ordinal);
        Assert.Equal(1, badExit);
        Assert.NotNull(await DelayedFlightClaims.PlayAsync(toA, channel, DelayedFlightClaims.Locator(0), "import-a"));
        Assert.NotNull(await DelayedFlightClaims.PlayAsync(toB, channel, DelayedFlightClaims.Locator(1), "import-b"));
        Assert.Null(await DelayedFlightClaims.PlayAsync(toB, channel, DelayedFlightClaims.Locator(0), "import-again"));
        await using var dataSource = Npgsql.NpgsqlDataSource.Create(connectionString);
        await using var count = dataSource.CreateCommand("SELECT count(*) FROM bookings WHERE record_locator = 'BAD001'");
        Assert.Equal(0L, await count.ExecuteScalarAsync());
    }

    [Fact]
    public async Task RecordsAttachedToABooking_SurviveItsReimport_AndABagsTableUpdatesABag()
    {
        var connectionString = await (await PostgreSqlServer.SharedAsync()).CreateDatabaseAsync(nameof(RecordsAttachedToABooking_SurviveItsReimport_AndABagsTableUpdatesABag));
        var import = new ImportedRecords();
        string[] intoPostgreSql = ["--Storage:Provider", "PostgreSql", "--ConnectionStrings:CustomerCare", connectionString];
        string[] Files(params string[] contents) => [.. contents.Select(c => ImportedRecords.Write(c)), .. intoPostgreSql];
        var delivered = ImportedRecords.Bags.Replace("Missing,", "Delivered,2026-10-02T09:00:00Z", StringComparison.Ordinal);

        var first = import.Run(Files(ImportedRecords.Bookings, ImportedRecords.Flights, ImportedRecords.Rebookings, ImportedRecords.Cabins, ImportedRecords.Bags));
        var again = import.Run(Files(ImportedRecords.BookingsWithoutBagTags, delivered));

        Assert.Equal((0, 0), (first.Exit, again.Exit));
        Assert.Contains("1 bag record(s) into PostgreSQL", again.Output, StringComparison.Ordinal);
        await using var dataSource = Npgsql.NpgsqlDataSource.Create(connectionString);
        var booking = (await new PostgreSqlOperationsData(dataSource).FindBookingAsync("REC001", CancellationToken.None))!;
        Assert.Equal((1, 1), (booking.Rebookings.Count, booking.Cabins.Count));
        Assert.Equal(BagStatus.Delivered, Assert.Single(booking.Bags).Status);
        Assert.Equal(["0220123456", "CC123456"], booking.Passengers[0].BagTags);
    }
}

using CustomerCare.Tests.Support;

namespace CustomerCare.Tests.Abuse;

/// <summary>
/// The operator moves the bot from its data file's ledger to PostgreSQL (Storage:Provider=PostgreSql on the same data
/// file): what was granted before the move, in either form of key, is not granted again after it.
/// </summary>
public sealed class StoreMovedTests : AttackTests
{
    [Fact]
    public async Task GrantedOnce_AGrantOfTheDataFile_StillHoldsTheJourney_OnceTheLedgerIsInPostgreSql()
    {
        var dataPath = Bot.Host.DataPath;
        var (_, granted) = await Bot.CustomerSaysAsync("en-US", "My flight CC400 was delayed, booking DEMO01", "Sample", "yes");
        var reference = Assert.Single(await Bot.GrantsOnAsync("DEMO01")).Reference;
        Assert.Contains(reference, granted, StringComparison.Ordinal);
        var (_, refusedBefore) = await Bot.CustomerSaysAsync("en-US", "My flight CC400 was delayed, booking DEMO01", "Sample", "yes");
        Assert.Contains("already granted", refusedBefore, StringComparison.Ordinal);
        var refusals = await Bot.Ledger.RefusedSecondGrantsAsync(CancellationToken.None);
        await Bot.DisposeAsync();
        var connectionString = await (await PostgreSqlServer.SharedAsync()).CreateDatabaseAsync(nameof(StoreMovedTests));

        Bot = await AttackedBot.StartOnPostgreSqlAsync(dataPath, connectionString);
        var (_, again) = await Bot.CustomerSaysAsync("en-US", "My flight CC400 was delayed, booking DEMO01", "Sample", "yes");

        Assert.Contains("already granted", again, StringComparison.Ordinal);
        Assert.Contains(reference, again, StringComparison.Ordinal);
        Assert.Equal(reference, Assert.Single(await Bot.GrantsOnAsync("DEMO01")).Reference);
        Assert.Equal(refusals, await Bot.Ledger.RefusedSecondGrantsAsync(CancellationToken.None));

        // A second start carries nothing twice.
        await Bot.DisposeAsync();
        Bot = await AttackedBot.StartOnPostgreSqlAsync(dataPath, connectionString);
        Assert.Single(await Bot.GrantsOnAsync("DEMO01"));
        Assert.Equal(refusals, await Bot.Ledger.RefusedSecondGrantsAsync(CancellationToken.None));
    }

    [Fact]
    public async Task GrantedOnce_AGrantKeptUnderItsOlderKey_StillHoldsTheJourney_OnceTheLedgerIsInPostgreSql()
    {
        await Bot.DisposeAsync();
        var path = BotHost.TempDataPath();
        OlderDataFile.Write(path);

        Bot = await AttackedBot.StartOnPostgreSqlAsync(path, await (await PostgreSqlServer.SharedAsync()).CreateDatabaseAsync(nameof(StoreMovedTests) + "Older"));
        var (_, said) = await Bot.CustomerSaysAsync("en-US", "My flight CC400 was delayed, booking DEMO01", "Sample", "yes");

        Assert.Contains("already granted €600.00", said, StringComparison.Ordinal);
        Assert.Contains(OlderDataFile.Reference, said, StringComparison.Ordinal);
        Assert.Equal(OlderDataFile.Reference, Assert.Single(await Bot.GrantsOnAsync("DEMO01")).Reference);
    }
}

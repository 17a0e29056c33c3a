using CustomerCare.Bot.Storage;
using CustomerCare.Tests.Support;
using LiteDB;

namespace CustomerCare.Tests.Abuse;

/// <summary>
/// The operator moves the bot from its data file's ledger to PostgreSQL (Storage:Provider=PostgreSql on the same data
/// file): what was granted before the move, in either form of key, is not granted again after it.
/// </summary>
public sealed class StoreMovedTests : AttackTests
{
    private static async Task<AttackedBot> OnPostgreSqlAsync(string dataPath, string connectionString)
        => await AttackedBot.StartAsync(dataPath, host =>
        {
            host.Settings["Storage:Provider"] = "PostgreSql";
            host.Settings["ConnectionStrings:CustomerCare"] = connectionString;
        });

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

        Bot = await OnPostgreSqlAsync(dataPath, connectionString);
        var (_, again) = await Bot.CustomerSaysAsync("en-US", "My flight CC400 was delayed, booking DEMO01", "Sample", "yes");

        Assert.Contains("already granted", again, StringComparison.Ordinal);
        Assert.Contains(reference, again, StringComparison.Ordinal);
        Assert.Equal(reference, Assert.Single(await Bot.GrantsOnAsync("DEMO01")).Reference);
        Assert.Equal(refusals, await Bot.Ledger.RefusedSecondGrantsAsync(CancellationToken.None));

        // A second start carries nothing twice.
        await Bot.DisposeAsync();
        Bot = await OnPostgreSqlAsync(dataPath, connectionString);
        Assert.Single(await Bot.GrantsOnAsync("DEMO01"));
        Assert.Equal(refusals, await Bot.Ledger.RefusedSecondGrantsAsync(CancellationToken.None));
    }

    [Fact]
    public async Task GrantedOnce_AGrantKeptUnderItsOlderKey_StillHoldsTheJourney_OnceTheLedgerIsInPostgreSql()
    {
        await Bot.DisposeAsync();
        var path = BotHost.TempDataPath();
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using (var file = LiteDbFile.Open(path))
        {
            const string Json = """
                {"reference":"G-OLD23456","key":{"passengerId":"DEMO01-1","bookingReference":"DEMO01","flightNumber":"CC400","scheduledDate":"2026-11-18","kind":"MissedConnection"},
                 "remedies":[{"code":"compensation","kind":"Compensation","amount":600,"currency":"EUR","rule":"EU261 Art. 7(1)(c)","asVoucher":false}],
                 "policyVersion":"2025.01","grantedBy":{"kind":"bot","id":"bot","name":null,"channel":"directline","conversationId":"old-conversation"},
                 "grantedUtc":"2026-11-19T09:00:00Z","tier":"Basic"}
                """;
            file.Database.GetCollection("ledger").Insert(new BsonDocument
            {
                ["_id"] = "DEMO01-1|DEMO01|CC400|2026-11-18|MissedConnection",
                ["reference"] = "G-OLD23456",
                ["booking"] = "DEMO01",
                ["passenger"] = "DEMO01-1",
                ["kind"] = "MissedConnection",
                ["conversation"] = "directline/old-conversation",
                ["json"] = Json,
            });
            file.Database.Checkpoint();
        }

        Bot = await OnPostgreSqlAsync(path, await (await PostgreSqlServer.SharedAsync()).CreateDatabaseAsync(nameof(StoreMovedTests) + "Older"));
        var (_, said) = await Bot.CustomerSaysAsync("en-US", "My flight CC400 was delayed, booking DEMO01", "Sample", "yes");

        Assert.Contains("already granted €600.00", said, StringComparison.Ordinal);
        Assert.Contains("G-OLD23456", said, StringComparison.Ordinal);
        Assert.Equal("G-OLD23456", Assert.Single(await Bot.GrantsOnAsync("DEMO01")).Reference);
    }
}

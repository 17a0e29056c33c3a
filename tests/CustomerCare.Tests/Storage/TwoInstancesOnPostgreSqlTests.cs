using System.Collections.Concurrent;
using System.Net.Http.Json;
using CustomerCare.Tests.Support;
using Npgsql;

namespace CustomerCare.Tests.Storage;

/// <summary>
/// Two bot processes, each with its own data file (bookings imported into both), share one PostgreSQL ledger: what one
/// grants the other knows, whichever receives the customer, and killing one loses and doubles nothing.
/// </summary>
public sealed class TwoInstancesOnPostgreSqlTests
{
    private const int Rounds = 50;
    private const int Attempts = 64;

    private static string[] PostgreSql(string connectionString) =>
        ["--Storage:Provider", "PostgreSql", "--ConnectionStrings:CustomerCare", connectionString, "--DemoData:Enabled", "false"];

    private static async Task<BotProcess> StartAsync(string connectionString, int bookings)
    {
        var dataPath = BotHost.TempDataPath();
        DelayedFlightClaims.Import(dataPath, bookings);
        return await BotProcess.StartAsync(dataPath, PostgreSql(connectionString));
    }

    private static async Task<long> GrantsAsync(NpgsqlDataSource dataSource, string booking)
    {
        await using var command = dataSource.CreateCommand("SELECT count(*) FROM ledger_entries WHERE booking = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = booking });
        return (long)(await command.ExecuteScalarAsync())!;
    }

    [Fact]
    public async Task SixtyFourConfirmations_SplitAcrossBothInstances_GrantOnce_EveryRound()
    {
        var connectionString = await (await PostgreSqlServer.SharedAsync()).CreateDatabaseAsync(nameof(TwoInstancesOnPostgreSqlTests));
        await using var channel = await FakeChannel.StartAsync();
        var started = await Task.WhenAll(StartAsync(connectionString, Rounds), StartAsync(connectionString, Rounds));
        using var a = started[0];
        using var b = started[1];
        using var toA = new HttpClient { BaseAddress = new Uri(a.Url) };
        using var toB = new HttpClient { BaseAddress = new Uri(b.Url) };
        await using var dataSource = NpgsqlDataSource.Create(connectionString);

        for (var round = 0; round < Rounds; round++)
        {
            var locator = DelayedFlightClaims.Locator(round);
            var receipts = await Task.WhenAll(Enumerable.Range(0, Attempts).Select(i =>
                Task.Run(() => DelayedFlightClaims.PlayAsync(i % 2 == 0 ? toA : toB, channel, locator, $"two-{round}-{i}"))));

            Assert.Equal(1, await GrantsAsync(dataSource, locator));
            Assert.Single(receipts, r => r is not null);
        }
    }

    [Fact]
    public async Task OneInstanceKilledDuringGrants_LosesNoConfirmedGrant_DoublesNone_AndAFreshInstanceKnowsEveryGrant()
    {
        const int Bookings = 60;
        var connectionString = await (await PostgreSqlServer.SharedAsync()).CreateDatabaseAsync(nameof(TwoInstancesOnPostgreSqlTests) + "Kill");
        await using var channel = await FakeChannel.StartAsync();
        var confirmed = new ConcurrentDictionary<string, string>();
        var started = await Task.WhenAll(StartAsync(connectionString, Bookings), StartAsync(connectionString, Bookings));
        using (var killed = started[0])
        using (var survivor = started[1])
        {
            using var toKilled = new HttpClient { BaseAddress = new Uri(killed.Url) };
            using var toSurvivor = new HttpClient { BaseAddress = new Uri(survivor.Url) };
            // Every booking is claimed twice at once, once on each instance.
            var claims = Enumerable.Range(0, Bookings * 2).Select(i => Task.Run(async () =>
            {
                var locator = DelayedFlightClaims.Locator(i / 2);
                if (await DelayedFlightClaims.PlayAsync(i % 2 == 0 ? toKilled : toSurvivor, channel, locator, $"kill-{i}") is { } reference)
                {
                    Assert.True(confirmed.TryAdd(locator, reference) || confirmed[locator] == reference, $"{locator} was confirmed twice");
                }
            })).ToArray();
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (confirmed.Count < Bookings / 3 && DateTime.UtcNow < deadline)
            {
                await Task.Delay(5);
            }
            killed.Kill();
            await Task.WhenAll(claims);
        }

        Assert.True(confirmed.Count >= Bookings / 3, $"only {confirmed.Count} grants were confirmed before the deadline");
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        for (var i = 0; i < Bookings; i++)
        {
            var locator = DelayedFlightClaims.Locator(i);
            Assert.True(await GrantsAsync(dataSource, locator) <= 1, $"{locator} was granted twice");
        }
        foreach (var (locator, reference) in confirmed)
        {
            await using var command = dataSource.CreateCommand("SELECT count(*) FROM ledger_entries WHERE booking = $1 AND reference = $2");
            command.Parameters.Add(new NpgsqlParameter { Value = locator });
            command.Parameters.Add(new NpgsqlParameter { Value = reference });
            Assert.Equal(1L, await command.ExecuteScalarAsync());
        }

        // A fresh instance, with a data file of its own, knows every grant: claiming again grants nothing.
        using var fresh = await StartAsync(connectionString, Bookings);
        using var toFresh = new HttpClient { BaseAddress = new Uri(fresh.Url) };
        foreach (var locator in confirmed.Keys.Take(10))
        {
            Assert.Null(await DelayedFlightClaims.PlayAsync(toFresh, channel, locator, "fresh-" + locator));
            Assert.Equal(1, await GrantsAsync(dataSource, locator));
        }
    }

    [Fact]
    public async Task AConversation_WhoseTurnsLandOnEitherInstance_GoesOnWhereItWas_AndTurnsAtTheSameMomentWaitForEachOther()
    {
        const int Conversations = 12;
        var connectionString = await (await PostgreSqlServer.SharedAsync()).CreateDatabaseAsync(nameof(TwoInstancesOnPostgreSqlTests) + "Turns");
        await using var channel = await FakeChannel.StartAsync();
        var started = await Task.WhenAll(StartAsync(connectionString, Conversations), StartAsync(connectionString, Conversations));
        using var a = started[0];
        using var b = started[1];
        using var toA = new HttpClient { BaseAddress = new Uri(a.Url) };
        using var toB = new HttpClient { BaseAddress = new Uri(b.Url) };

        // Report on A, name on B, "yes" on A: each instance goes on from the state the other wrote.
        var receipts = await Task.WhenAll(Enumerable.Range(0, Conversations).Select(i =>
            DelayedFlightClaims.PlayAsync(turn => turn % 2 == 1 ? toA : toB, channel, DelayedFlightClaims.Locator(i), $"alternate-{i}")));

        Assert.All(receipts, r => Assert.NotNull(r));

        // Both instances receive a turn of one conversation at the same moment, over and over: none fails on the
        // other's write, and every turn is answered.
        var answered = await Task.WhenAll(Enumerable.Range(0, 40).Select(i => Task.Run(async () =>
        {
            var response = await (i % 2 == 0 ? toA : toB).PostAsJsonAsync("/api/messages", new
            {
                type = "message", id = $"same-{i}", text = "what can you do", channelId = "emulator", serviceUrl = channel.ServiceUrl, locale = "en-US",
                from = new { id = "user-same" }, recipient = new { id = "bot" }, conversation = new { id = "same-moment" },
            });
            return response.StatusCode;
        })));
        Assert.All(answered, status => Assert.Equal(System.Net.HttpStatusCode.OK, status));
        var replies = channel.Calls.Where(c => c.Path.Contains("/same-moment/", StringComparison.Ordinal)).Select(c => c.Body?["text"]?.GetValue<string>() ?? string.Empty).ToList();
        Assert.True(replies.Count >= 40, $"{replies.Count} replies to 40 turns");
        Assert.DoesNotContain(replies, r => r.StartsWith("Sorry, something went wrong", StringComparison.Ordinal));
    }
}

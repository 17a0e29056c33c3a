using System.Net.Http.Json;
using CustomerCare.Tests.Support;

namespace CustomerCare.Tests.Storage;

/// <summary>
/// Each instance keeps a booking's grants in memory while it listens for grants: a customer who asked on one
/// instance before a grant on the other hears of the grant when they ask again.
/// </summary>
public sealed class GrantsSeenAcrossInstancesTests
{
    [Fact]
    public async Task AStatusAskedBeforeAGrantOnTheOtherInstance_ShowsTheGrantWhenAskedAgain()
    {
        var connectionString = await (await PostgreSqlServer.SharedAsync()).CreateDatabaseAsync(nameof(GrantsSeenAcrossInstancesTests));
        string[] settings = ["--Storage:Provider", "PostgreSql", "--ConnectionStrings:CustomerCare", connectionString, "--DemoData:Enabled", "false"];
        var dataA = BotHost.TempDataPath();
        var dataB = BotHost.TempDataPath();
        DelayedFlightClaims.Import(dataA, 1);
        DelayedFlightClaims.Import(dataB, 1);
        var started = await Task.WhenAll(BotProcess.StartAsync(dataA, settings), BotProcess.StartAsync(dataB, settings));
        using var a = started[0];
        using var b = started[1];
        using var toA = new HttpClient { BaseAddress = new Uri(a.Url) };
        using var toB = new HttpClient { BaseAddress = new Uri(b.Url) };
        await using var channel = await FakeChannel.StartAsync();
        var locator = DelayedFlightClaims.Locator(0);
        // Both instances have been up long enough to listen; B reads the booking's grants (none yet) and may keep that.
        await Task.Delay(TimeSpan.FromSeconds(2));

        var before = await StatusAsync(toB, channel, locator, "status-before");
        var granted = await DelayedFlightClaims.PlayAsync(toA, channel, locator, "grant-on-a");
        var after = await UntilAsync(() => StatusAsync(toB, channel, locator, "status-after-" + Guid.NewGuid().ToString("N")), said => said.Contains(granted!, StringComparison.Ordinal));

        Assert.NotNull(granted);
        Assert.DoesNotContain("G-", before, StringComparison.Ordinal);
        Assert.Contains(granted!, after, StringComparison.Ordinal);
    }

    /// <summary>"Did I already get something?" for the booking, over <c>/api/messages</c>; everything the bot answered.</summary>
    private static async Task<string> StatusAsync(HttpClient bot, FakeChannel channel, string locator, string conversation)
    {
        foreach (var (text, turn) in new[] { ("did I already get something", 1), (locator, 2), ("Crash", 3) })
        {
            var response = await bot.PostAsJsonAsync("/api/messages", new
            {
                type = "message", id = $"{conversation}-{turn}", text, channelId = "emulator", serviceUrl = channel.ServiceUrl, locale = "en-US",
                from = new { id = "user-" + conversation }, recipient = new { id = "bot" }, conversation = new { id = conversation },
            });
            response.EnsureSuccessStatusCode();
        }
        return string.Join("\n", channel.Calls.Where(c => c.Path.Contains("/" + conversation + "/", StringComparison.Ordinal)).Select(c => c.Body?["text"]?.GetValue<string>()));
    }

    /// <summary>Only the first answer after the grant counts; the loop is there for a slow machine, and gives up after 2 s.</summary>
    private static async Task<string> UntilAsync(Func<Task<string>> read, Func<string, bool> done)
    {
        var said = await read();
        for (var i = 0; i < 10 && !done(said); i++)
        {
            await Task.Delay(200);
            said = await read();
        }
        return said;
    }
}

using System.Collections.Concurrent;
using CustomerCare.Bot.Storage;
using CustomerCare.Ledger;
using CustomerCare.Remedies;
using CustomerCare.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace CustomerCare.Tests.Ledger;

/// <summary>The bot process is killed (SIGKILL) while grants are in flight; afterwards no confirmed grant is missing or doubled.</summary>
public sealed class GrantCrashTests
{
    private const int Bookings = 60;

    [Fact]
    public async Task KillDuringGrants_LosesNoConfirmedGrant_AndDuplicatesNone()
    {
        var dataPath = BotHost.TempDataPath();
        DelayedFlightClaims.Import(dataPath, Bookings);
        await using var channel = await FakeChannel.StartAsync();
        var confirmed = new ConcurrentDictionary<string, string>();

        using (var bot = await BotProcess.StartAsync(dataPath, "--DemoData:Enabled", "false"))
        {
            using var http = new HttpClient { BaseAddress = new Uri(bot.Url) };
            var conversations = Enumerable.Range(0, Bookings).Select(i => Task.Run(() => PlayAsync(http, channel, Locator(i), confirmed))).ToArray();
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (confirmed.Count < Bookings / 3 && DateTime.UtcNow < deadline)
            {
                await Task.Delay(5);
            }
            bot.Kill();
            await Task.WhenAll(conversations);
        }

        Assert.True(confirmed.Count >= Bookings / 3, $"only {confirmed.Count} grants were confirmed before the deadline");
        using var file = LiteDbFile.Open(dataPath);
        using var writer = new LiteDbWriter(file);
        var ledger = new LiteDbLedger(file.Database, writer, new FakeTimeProvider());
        var recorded = new List<LedgerEntry>();
        for (var i = 0; i < Bookings; i++)
        {
            var entries = await ledger.ForBookingAsync(Locator(i), CancellationToken.None);
            Assert.True(entries.Count <= 1, $"{Locator(i)} was granted {entries.Count} times");
            recorded.AddRange(entries);
        }
        foreach (var (locator, reference) in confirmed)
        {
            Assert.Contains(recorded, e => e.Subject.BookingReference == locator && e.Reference == reference);
        }
        var booking = (await new CustomerCare.Bot.Storage.LiteDbOperationsData(file.Database, writer).FindBookingAsync(recorded[0].Subject.BookingReference, CancellationToken.None))!;
        var who = new PassengerJourney(booking.RecordLocator, booking.Passengers[0], CustomerCare.Operations.Journey.Of(booking)[0]);
        var again = await ledger.TryGrantAsync(LedgerRequests.Request(who, LedgerRequests.Agent(), remedy: recorded[0].Remedies[0]), CancellationToken.None);
        Assert.IsType<GrantOutcome.AlreadyGranted>(again);
    }

    private static async Task PlayAsync(HttpClient http, FakeChannel channel, string locator, ConcurrentDictionary<string, string> confirmed)
    {
        if (await DelayedFlightClaims.PlayAsync(http, channel, locator, "crash-" + locator) is { } reference)
        {
            confirmed[locator] = reference;
        }
    }

    private static string Locator(int i) => DelayedFlightClaims.Locator(i);
}

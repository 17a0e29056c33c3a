using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using CustomerCare.Bot.Cli;
using CustomerCare.Bot.Storage;
using CustomerCare.Ledger;
using CustomerCare.Remedies;
using CustomerCare.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace CustomerCare.Tests.Ledger;

/// <summary>The bot process is killed (SIGKILL) while grants are in flight; afterwards no confirmed grant is missing or doubled.</summary>
public sealed partial class GrantCrashTests
{
    private const int Bookings = 60;

    [Fact]
    public async Task KillDuringGrants_LosesNoConfirmedGrant_AndDuplicatesNone()
    {
        var dataPath = BotHost.TempDataPath();
        ImportCrashBookings(dataPath);
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
        var booking = (await new CustomerCare.Bot.Operations.LiteDbOperationsData(file.Database, writer).FindBookingAsync(recorded[0].Subject.BookingReference, CancellationToken.None))!;
        var who = new PassengerJourney(booking.RecordLocator, booking.Passengers[0], CustomerCare.Operations.Journey.Of(booking)[0]);
        var again = await ledger.TryGrantAsync(LedgerRequests.Request(who, LedgerRequests.Agent(), remedy: recorded[0].Remedies[0]), CancellationToken.None);
        Assert.IsType<GrantOutcome.AlreadyGranted>(again);
    }

    /// <summary>Report, identify, confirm; a grant counts as confirmed once the customer has been sent its reference.</summary>
    private static async Task PlayAsync(HttpClient http, FakeChannel channel, string locator, ConcurrentDictionary<string, string> confirmed)
    {
        try
        {
            foreach (var (text, turn) in new[] { ($"My flight CC500 was delayed, booking {locator}", 1), ("Crash", 2), ("yes", 3) })
            {
                var response = await http.PostAsJsonAsync("/api/messages", new
                {
                    type = "message", id = $"{locator}-{turn}", text, channelId = "emulator", serviceUrl = channel.ServiceUrl, locale = "en-US",
                    from = new { id = "user-" + locator }, recipient = new { id = "bot" }, conversation = new { id = "crash-" + locator },
                });
                if (!response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            var receipt = channel.Calls.Where(c => c.Path.Contains("crash-" + locator, StringComparison.Ordinal))
                .Select(c => Reference().Match(c.Body?["text"]?.GetValue<string>() ?? string.Empty)).FirstOrDefault(m => m.Success);
            if (receipt is not null)
            {
                confirmed[locator] = receipt.Value;
            }
        }
        catch (HttpRequestException)
        {
            // The bot was killed mid-conversation: this grant was never confirmed to the customer.
        }
    }

    private static string Locator(int i) => "Q" + i.ToString("D3", CultureInfo.InvariantCulture) + "X" + (i % 10).ToString(CultureInfo.InvariantCulture);

    private static void ImportCrashBookings(string dataPath)
    {
        var bookings = Enumerable.Range(0, Bookings).Select(i => new
        {
            recordLocator = Locator(i),
            // One name on one flight, told apart by their e-ticket numbers: sixty passengers, not one.
            passengers = new[] { new { passengerId = Locator(i) + "-1", firstName = "Casey", lastName = "Crash", tier = "Basic", ticketNumber = "220" + i.ToString("D10", CultureInfo.InvariantCulture) } },
            segments = new[] { new { flightNumber = "CC500", origin = "FRA", destination = "JFK", scheduledDepartureUtc = "2026-11-18T10:00:00Z", scheduledArrivalUtc = "2026-11-18T18:30:00Z", fare = 500, currency = "EUR" } },
        });
        var flights = new[]
        {
            new
            {
                flightNumber = "CC500", scheduledDate = "2026-11-18", origin = "FRA", destination = "JFK",
                scheduledDepartureUtc = "2026-11-18T10:00:00Z", scheduledArrivalUtc = "2026-11-18T18:30:00Z",
                actualDepartureUtc = "2026-11-18T14:30:00Z", actualArrivalUtc = "2026-11-18T23:00:00Z",
                cancelled = false, causeCode = "TECHNICAL", extraordinary = false, euCarrier = true,
            },
        };
        var file = Path.Combine(Path.GetDirectoryName(dataPath)!, "crash-data.json");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        File.WriteAllText(file, JsonSerializer.Serialize(new { bookings, flights }));
        using var output = new StringWriter();
        using var error = new StringWriter();
        Assert.Equal(0, ImportCommand.Run([file, "--data", dataPath], dataPath, output, error));
    }

    [GeneratedRegex("(?<=Your reference is )G-[A-Z0-9]{8}")]
    private static partial Regex Reference();
}

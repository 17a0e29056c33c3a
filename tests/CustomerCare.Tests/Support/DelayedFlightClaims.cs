using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using CustomerCare.Bot.Cli;

namespace CustomerCare.Tests.Support;

/// <summary>
/// Bookings on one flight delayed 4.5 hours (one passenger each, all named Casey Crash and told apart by e-ticket), and
/// a customer claiming for one of them over <c>/api/messages</c>: report, last name, "yes".
/// </summary>
public static partial class DelayedFlightClaims
{
    public static string Locator(int i) => "Q" + i.ToString("D3", CultureInfo.InvariantCulture) + "X" + (i % 10).ToString(CultureInfo.InvariantCulture);

    /// <summary>Imports <paramref name="count"/> such bookings and their flight into the data file.</summary>
    public static void Import(string dataPath, int count)
    {
        var bookings = Enumerable.Range(0, count).Select(i => new
        {
            recordLocator = Locator(i),
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

    /// <summary>
    /// Plays the claim in conversation <paramref name="conversationId"/>; the grant's reference once the customer has
    /// been sent it, else null (refused, or the bot went away mid-conversation).
    /// </summary>
    public static Task<string?> PlayAsync(HttpClient http, FakeChannel channel, string locator, string conversationId)
        => PlayAsync(_ => http, channel, locator, conversationId);

    /// <param name="instanceOfTurn">Which bot receives each turn (1, 2, 3).</param>
    public static async Task<string?> PlayAsync(Func<int, HttpClient> instanceOfTurn, FakeChannel channel, string locator, string conversationId)
    {
        try
        {
            foreach (var (text, turn) in new[] { ($"My flight CC500 was delayed, booking {locator}", 1), ("Crash", 2), ("yes", 3) })
            {
                var response = await instanceOfTurn(turn).PostAsJsonAsync("/api/messages", new
                {
                    type = "message", id = $"{conversationId}-{turn}", text, channelId = "emulator", serviceUrl = channel.ServiceUrl, locale = "en-US",
                    from = new { id = "user-" + conversationId }, recipient = new { id = "bot" }, conversation = new { id = conversationId },
                });
                if (!response.IsSuccessStatusCode)
                {
                    return null;
                }
            }
            return channel.Calls.Where(c => c.Path.Contains("/" + Uri.EscapeDataString(conversationId) + "/", StringComparison.Ordinal))
                .Select(c => Reference().Match(c.Body?["text"]?.GetValue<string>() ?? string.Empty)).FirstOrDefault(m => m.Success)?.Value;
        }
        catch (HttpRequestException)
        {
            // The bot was killed mid-conversation: this grant was never confirmed to the customer.
            return null;
        }
    }

    [GeneratedRegex("(?<=Your reference is )G-[A-Z0-9]{8}")]
    private static partial Regex Reference();
}

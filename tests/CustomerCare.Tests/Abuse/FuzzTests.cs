using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using CustomerCare.Bot.Storage;
using CustomerCare.Tests.Support;

namespace CustomerCare.Tests.Abuse;

/// <summary>
/// Thousands of malformed and hostile requests to every public endpoint of a bot process on loopback, bounded in count
/// and time, while one well-behaved customer talks to it over Direct Line: no answer is a 5xx, every one of the
/// customer's messages is answered and reaches the transcript, and the process's memory stays bounded.
/// </summary>
public sealed class FuzzTests
{
    private const int Requests = 3000;
    private const int Seed = 20261202;
    private static readonly TimeSpan TimeLimit = TimeSpan.FromSeconds(150);

    [Fact]
    public async Task ThreeThousandHostileRequests_GetNo5xx_LoseNothingOfACustomerAlongside_AndKeepMemoryBounded()
    {
        await using var channel = await FakeChannel.StartAsync();
        var dataPath = BotHost.TempDataPath();
        using var bot = await BotProcess.StartAsync(dataPath, "--environment", "Development",
            "--RateLimits:UploadsPerHourPerConversation", "1000000", "--RateLimits:UploadsPerHourPerClient", "1000000", "--RateLimits:ReportsPerMinutePerClient", "1000000", "--Payouts:SigningSecret", "fuzz-signing-secret-of-enough-length-0123456789");
        // Each on its own connections: the server closes a connection after refusing a body too large, as it should.
        using var http = new HttpClient { BaseAddress = new Uri(bot.Url), Timeout = TimeSpan.FromSeconds(60) };
        using var customerHttp = new HttpClient { BaseAddress = new Uri(bot.Url), Timeout = TimeSpan.FromSeconds(60) };
        var fuzzed = await new DirectLineClient(http).StartAsync();
        var customer = await new DirectLineClient(customerHttp).StartAsync();
        await customer.PostMessageAsync("hello");
        var rssBefore = ResidentBytes(bot.ProcessId);

        var failures = new ConcurrentQueue<string>();
        using var deadline = new CancellationTokenSource(TimeLimit);
        var sent = 0;
        var closed = 0;
        var statuses = new ConcurrentDictionary<int, int>();
        var fuzzing = Enumerable.Range(0, 6).Select(worker => Task.Run(async () =>
        {
            var inputs = new HostileInputs(Seed + worker, channel.ServiceUrl);
            while (Interlocked.Increment(ref sent) <= Requests && !deadline.IsCancellationRequested)
            {
                using var request = Hostile(inputs, fuzzed);
                var description = $"{request.Method} {request.RequestUri}";
                try
                {
                    using var response = await http.SendAsync(request, deadline.Token);
                    statuses.AddOrUpdate((int)response.StatusCode, 1, (_, n) => n + 1);
                    // 501 is the protocol's answer to an invoke the bot does not handle (bot-protocols: "unhandled invoke -> 501").
                    if ((int)response.StatusCode >= 500 && !(response.StatusCode == HttpStatusCode.NotImplemented && description.EndsWith("/api/messages", StringComparison.Ordinal)))
                    {
                        failures.Enqueue($"{(int)response.StatusCode} for {description}: {Truncate(await response.Content.ReadAsStringAsync())}");
                    }
                }
                catch (OperationCanceledException) when (deadline.IsCancellationRequested)
                {
                    return;
                }
                catch (HttpRequestException)
                {
                    // The server closed the connection on a body it refused before reading it all; the process stays up (checked below).
                    Interlocked.Increment(ref closed);
                }
            }
        })).ToList();

        // The well-behaved customer, meanwhile: twenty messages, one after another.
        var said = Enumerable.Range(1, 20).Select(i => $"I have a question number {i}").ToList();
        foreach (var text in said)
        {
            await customer.PostMessageAsync(text);
        }
        await Task.WhenAll(fuzzing);
        Assert.False(deadline.IsCancellationRequested, $"the fuzzer sent only {Math.Min(sent, Requests)} requests in {TimeLimit}");
        Assert.True(failures.IsEmpty, $"{failures.Count} answers were 5xx; the first: {string.Join(" | ", failures.DistinctBy(f => f[..3] + f[(f.IndexOf(':', StringComparison.Ordinal) + 1)..][..Math.Min(60, f.Length - f.IndexOf(':', StringComparison.Ordinal) - 1)]).Take(8))}");
        // Not all refused at the door: many reached the bot, which answered them.
        var histogram = string.Join(", ", statuses.OrderBy(p => p.Key).Select(p => $"{p.Key}: {p.Value}"));
        Assert.True(statuses.GetValueOrDefault(200) > Requests / 20, $"too few requests reached the bot ({histogram})");
        int answeredFuzz;
        try
        {
            answeredFuzz = await BotMessagesOnEveryPageAsync(new DirectLineClient(customerHttp).Resume(fuzzed.Token!, fuzzed.ConversationId!, fuzzed.UserId!));
        }
        catch (HttpRequestException)
        {
            // The fuzzed conversation could not be read back: what the bot logged says why.
            throw new InvalidOperationException("The fuzzed conversation could not be read back. The bot logged:\n" + string.Join("\n", bot.Output.Where(l => l.Contains("xception", StringComparison.Ordinal) && !l.Contains("too large", StringComparison.Ordinal) && !l.Contains("DeveloperExceptionPage", StringComparison.Ordinal)).TakeLast(10)));
        }
        Assert.True(answeredFuzz > 20, $"the bot answered {answeredFuzz} fuzzed Direct Line turns ({histogram})");
        Assert.True(closed < Requests / 10, $"{closed} connections were closed without an answer");
        Assert.Equal(HttpStatusCode.OK, (await customerHttp.GetAsync("/healthz/ready")).StatusCode);

        // Every message of the customer's was answered, in order.
        var stream = await customer.GetActivitiesAsync();
        var users = stream.Activities.Select((a, i) => (Role: a!["from"]?["role"]?.GetValue<string>(), Text: a["text"]?.GetValue<string>(), Index: i)).ToList();
        foreach (var text in said)
        {
            var at = Assert.Single(users, u => u.Role == "user" && u.Text == text).Index;
            Assert.Contains(users, u => u.Role == "bot" && u.Index > at);
        }

        // Memory: 3,000 requests of up to a few hundred kilobytes each leave the process within a bound.
        var rssAfter = ResidentBytes(bot.ProcessId);
        Assert.True(rssAfter - rssBefore < 400L * 1024 * 1024, $"resident memory grew from {rssBefore >> 20} MB to {rssAfter >> 20} MB");

        // And every one of them is in the transcript the supervisors read.
        await Task.Delay(500);
        bot.Kill();
        using var file = LiteDbFile.Open(dataPath);
        using var writer = new LiteDbWriter(file);
        var transcript = new TranscriptStore(file.Database, writer).GetActivities("directline", customer.ConversationId!)
            .Where(a => a.From?.Role == "user" && a.Text is not null).Select(a => a.Text!).ToList();
        Assert.Equal(["hello", .. said], transcript);
    }

    /// <summary>The bot's messages in the whole conversation, read page by page as a polling client does.</summary>
    private static async Task<int> BotMessagesOnEveryPageAsync(DirectLineClient reader)
    {
        var (count, watermark) = (0, (string?)null);
        for (var pages = 0; pages < 1000; pages++)
        {
            var (activities, next) = await reader.GetActivitiesAsync(watermark);
            count += activities.Count(a => a!["from"]?["role"]?.GetValue<string>() == "bot" && a["type"]?.GetValue<string>() == "message");
            if (next == watermark)
            {
                break;
            }
            watermark = next;
        }
        return count;
    }

    private static HttpRequestMessage Hostile(HostileInputs inputs, DirectLineClient fuzzed)
    {
        var conversation = $"/v3/directline/conversations/{fuzzed.ConversationId}";
        var (method, path, body, contentType, token) = inputs.Next(12) switch
        {
            0 or 1 or 2 => (HttpMethod.Post, "/api/messages", inputs.ActivityBody(), "application/json", (string?)null),
            3 or 4 => (HttpMethod.Post, conversation + "/activities", inputs.ActivityBody(), "application/json", fuzzed.Token),
            5 => Upload(inputs, fuzzed, conversation),
            6 => (HttpMethod.Get, conversation + "/activities?watermark=" + Uri.EscapeDataString(inputs.Text()), null, null, fuzzed.Token),
            7 => (HttpMethod.Post, "/api/directline/token", inputs.ActivityBody(), "application/json", null),
            8 => (HttpMethod.Post, "/v3/directline/tokens/refresh", null, null, inputs.Text()),
            9 => (HttpMethod.Get, "/v3/directline/conversations/" + Uri.EscapeDataString(inputs.Text()) + "/activities", null, null, fuzzed.Token),
            10 => (HttpMethod.Post, "/api/payouts/" + Uri.EscapeDataString(inputs.Text()) + "/status", inputs.ActivityBody(), "application/json", null),
            _ => (inputs.Next(2) == 0 ? HttpMethod.Get : HttpMethod.Delete, Pick(inputs, ["/v3/directline/attachments/", "/supervisors/conversations/", "/supervisors/export/directline/", conversation + "/stream?t="]) + Uri.EscapeDataString(inputs.Text()), null, null, inputs.Text()),
        };
        var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = new ByteArrayContent(body);
            request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        }
        if (token is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + token);
        }
        return request;
    }

    private static (HttpMethod, string, byte[]?, string?, string?) Upload(HostileInputs inputs, DirectLineClient fuzzed, string conversation)
    {
        var (body, contentType) = inputs.Upload(fuzzed.UserId!);
        return (HttpMethod.Post, conversation + "/upload?userId=" + Uri.EscapeDataString(inputs.Next(3) == 0 ? inputs.Text() : fuzzed.UserId!), body, contentType, fuzzed.Token);
    }

    private static string Pick(HostileInputs inputs, string[] choices) => choices[inputs.Next(choices.Length)];

    private static string Truncate(string text) => text.Length <= 300 ? text : text[..300];

    private static long ResidentBytes(int processId)
    {
        var line = File.ReadLines($"/proc/{processId}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
    }
}

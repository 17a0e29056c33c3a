using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using CustomerCare.Tests.Support;

namespace CustomerCare.Tests.Abuse;

/// <summary>
/// Attacks on the rate limits from outside: forged forwarded addresses, path and method variants, IPv6 prefixes,
/// reconnects, and sprays of conversation ids nobody holds a token for.
/// </summary>
public sealed class RateLimitAttackTests
{
    private static BotHost Host(params (string Key, string Value)[] limits)
    {
        var host = new BotHost();
        foreach (var (key, value) in limits)
        {
            host.Settings["RateLimits:" + key] = value;
        }
        return host;
    }

    private static Task<HttpResponseMessage> TokenAsync(HttpClient http, string? forwardedFor = null, string path = "/api/directline/token", HttpMethod? method = null)
    {
        var request = new HttpRequestMessage(method ?? HttpMethod.Post, path);
        if (forwardedFor is not null)
        {
            request.Headers.TryAddWithoutValidation("X-Forwarded-For", forwardedFor);
        }
        return http.SendAsync(request);
    }

    [Fact]
    public async Task SpoofedForwardedFor_IsIgnored_WhenNotTrusted()
    {
        await using var host = Host(("TokensPerMinutePerClient", "3"));
        var http = host.CreateClient();
        var ok = 0;
        for (var i = 0; i < 10; i++)
        {
            ok += (await TokenAsync(http, $"203.0.113.{i + 1}")).StatusCode == HttpStatusCode.OK ? 1 : 0;
        }
        Assert.Equal(3, ok);
    }

    [Fact]
    public async Task Trusted_TheLastEntryCounts_AndOneClientDoesNotStarveAnother()
    {
        await using var host = Host(("TokensPerMinutePerClient", "3"), ("TrustForwardedFor", "true"));
        var http = host.CreateClient();
        var ok = 0;
        for (var i = 0; i < 10; i++)
        {
            // The attacker varies what it puts before the front end's entry.
            ok += (await TokenAsync(http, $"198.51.100.{i + 1}, 203.0.113.1")).StatusCode == HttpStatusCode.OK ? 1 : 0;
        }
        Assert.Equal(3, ok);
        Assert.Equal(HttpStatusCode.OK, (await TokenAsync(http, "203.0.113.2")).StatusCode);
    }

    [Fact]
    public async Task PathAndMethodVariants_DoNotEscapeTheLimit()
    {
        await using var host = Host(("TokensPerMinutePerClient", "2"));
        var http = host.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await TokenAsync(http)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await TokenAsync(http)).StatusCode);
        var results = new List<string>();
        foreach (var path in new[] { "/API/DirectLine/TOKEN", "/api/directline/token/", "/api/directline/token?x=1", "/api/directline/%74oken", "/api/directline/token%2F", "//api/directline/token", "/api/directline/./token" })
        {
            results.Add(path + " " + (int)(await TokenAsync(http, path: path)).StatusCode);
        }
        foreach (var method in new[] { HttpMethod.Head, HttpMethod.Get, HttpMethod.Put, HttpMethod.Options, new HttpMethod("post") })
        {
            results.Add(method + " " + (int)(await TokenAsync(http, method: method)).StatusCode);
        }
        Assert.DoesNotContain(results, r => r.EndsWith(" 200", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Ipv6Clients_OfOneSlash64_EachGetTheirOwnTokenLimit()
    {
        await using var host = Host(("TokensPerMinutePerClient", "3"), ("TrustForwardedFor", "true"));
        var http = host.CreateClient();
        var ok = 0;
        for (var i = 1; i <= 20; i++)
        {
            // One home connection or VM holds a whole /64: 2^64 addresses, each a fresh partition.
            ok += (await TokenAsync(http, $"2001:db8:1:2::{i:x}")).StatusCode == HttpStatusCode.OK ? 1 : 0;
        }
        Assert.True(ok <= 3, $"{ok} of 20 token requests from one /64 got a token; the limit is 3");
    }

    [Fact]
    public async Task Reconnect_MintsNoFreshTokens_BeyondTheTokenLimit()
    {
        await using var host = Host(("TokensPerMinutePerClient", "2"));
        var http = host.CreateClient();
        var client = await new DirectLineClient(http).StartAsync(); // the page's token and the start: both permits
        using var refresh = new HttpRequestMessage(HttpMethod.Post, "/v3/directline/tokens/refresh");
        refresh.Headers.Authorization = new("Bearer", client.Token);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await http.SendAsync(refresh)).StatusCode);
        var minted = new HashSet<string>();
        for (var i = 0; i < 20; i++)
        {
            var reconnect = await client.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{client.ConversationId}", null);
            if (reconnect.StatusCode == HttpStatusCode.OK)
            {
                minted.Add(JsonNode.Parse(await reconnect.Content.ReadAsStringAsync())!["token"]!.GetValue<string>());
            }
        }
        Assert.True(minted.Count == 0, $"refresh is refused, yet reconnect minted {minted.Count} tokens");
    }

    /// <summary>
    /// Unauthenticated POSTs to /upload, each with a fresh conversation id as long as Kestrel's request line allows:
    /// per conversation, limits count only after the token is checked, so no limiter is kept for these ids. A real bot
    /// process on loopback; its resident memory is compared with as many requests for one id.
    /// </summary>
    [Fact]
    public async Task RandomConversationIds_Unauthorized_DoNotGrowTheBotsMemory()
    {
        using var bot = await BotProcess.StartAsync(BotHost.TempDataPath());
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 16 });
        static string Id() => string.Concat(Enumerable.Range(0, 220).Select(_ => Guid.NewGuid().ToString("N")))[..7000];
        long Rss() => long.Parse(File.ReadLines($"/proc/{bot.ProcessId}/status").Single(l => l.StartsWith("VmRSS:", StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024;
        async Task<Dictionary<HttpStatusCode, int>> FloodAsync(Func<string> id, int count)
        {
            var statuses = new System.Collections.Concurrent.ConcurrentDictionary<HttpStatusCode, int>();
            await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (_, ct) =>
            {
                using var response = await http.PostAsync($"{bot.Url}/v3/directline/conversations/{id()}/upload", null, ct);
                statuses.AddOrUpdate(response.StatusCode, 1, (_, n) => n + 1);
            });
            return new(statuses);
        }

        var one = Id();
        await FloodAsync(() => one, 2000); // warm-up
        var start = Rss();
        var sameId = await FloodAsync(() => one, 10000);
        await Task.Delay(2000);
        var afterSameId = Rss();
        var randomIds = await FloodAsync(Id, 10000);
        await Task.Delay(2000);
        var afterRandomIds = Rss();
        await Task.Delay(12000); // past the limiter's 10 s idle cleanup: the upload partitions are not idle yet
        var later = Rss();

        var report = $"RSS {start} MB; +{afterSameId - start} MB after 10000 for one id ({string.Join(",", sameId)}); " +
                     $"+{afterRandomIds - afterSameId} MB after 10000 random ids ({string.Join(",", randomIds)}); {later} MB 12 s later";
        Assert.True(afterRandomIds - afterSameId < 32, report);
    }
}

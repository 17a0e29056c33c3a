using System.Net;
using System.Net.Http.Json;
using CustomerCare.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerCare.Tests.Abuse;

/// <summary>
/// Guarantee: nobody without an account can flood the bot. A burst of token requests from one client is cut at its
/// limit with 429 and Retry-After; posts to one conversation are cut without touching another conversation;
/// /api/messages is cut per client; and the limits are what configuration says.
/// </summary>
public sealed class RateLimitTests
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

    [Fact]
    public async Task ABurstOfThreeHundredTokenRequests_GetsItsLimit_AndThe429sSayWhenToComeBack()
    {
        await using var host = Host(("TokensPerMinutePerClient", "30"));
        var http = host.CreateClient();

        var responses = await Task.WhenAll(Enumerable.Range(0, 300).Select(_ => http.PostAsync("/api/directline/token", null)));

        Assert.Equal(30, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
        var refused = responses.Where(r => r.StatusCode == HttpStatusCode.TooManyRequests).ToList();
        Assert.Equal(270, refused.Count);
        Assert.All(refused, r => Assert.InRange(int.Parse(r.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture), 1, 60));
        Assert.Contains("TooManyRequests", await refused[0].Content.ReadAsStringAsync(), StringComparison.Ordinal);
        // Generating with the secret and starting conversations count against the same limit.
        using var generate = new HttpRequestMessage(HttpMethod.Post, "/v3/directline/tokens/generate");
        generate.Headers.Authorization = new("Bearer", BotHost.Secret);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await http.SendAsync(generate)).StatusCode);
    }

    [Fact]
    public async Task PostsBeyondTheLimitOfOneConversation_AreRefused_WhileAnotherConversationGoesOn()
    {
        await using var host = Host(("PostsPerMinutePerConversation", "5"));
        var http = host.CreateClient();
        var noisy = await new DirectLineClient(http).StartAsync();
        var quiet = await new DirectLineClient(http).StartAsync();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 8; i++)
        {
            statuses.Add((await noisy.SendAsync(HttpMethod.Post, $"/v3/directline/conversations/{noisy.ConversationId}/activities",
                new { type = "message", text = "hello " + i, from = new { id = noisy.UserId } })).StatusCode);
        }

        Assert.Equal(5, statuses.Count(s => s == HttpStatusCode.OK));
        Assert.Equal(3, statuses.Count(s => s == HttpStatusCode.TooManyRequests));
        await quiet.PostMessageAsync("I am still here");
    }

    [Fact]
    public async Task ApiMessages_IsLimitedPerClient()
    {
        await using var host = Host(("MessagesPerSecondPerClient", "3"));
        var http = host.CreateClient();

        var statuses = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => http.PostAsJsonAsync("/api/messages", new
        {
            type = "typing", id = "t" + i, channelId = "emulator", serviceUrl = "http://127.0.0.1:9/", from = new { id = "u" }, recipient = new { id = "bot" }, conversation = new { id = "c" + i },
        })));

        Assert.Equal(7, statuses.Count(s => s.StatusCode == HttpStatusCode.TooManyRequests));
        Assert.DoesNotContain(statuses, s => (int)s.StatusCode >= 500);
    }

    /// <summary>
    /// Posts and uploads to conversations nobody holds a token for are refused before any limiter is kept for them:
    /// ten thousand random conversation ids leave the per-conversation limits as they were.
    /// </summary>
    [Fact]
    public async Task RequestsForConversationsNobodyHolds_KeepNoLimiterForThem_AndStillCountPerClient()
    {
        await using var host = Host(("PostsPerMinutePerClient", "50"), ("PostsPerMinutePerConversation", "5"));
        var http = host.CreateClient();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 60; i++)
        {
            using var post = new HttpRequestMessage(HttpMethod.Post, $"/v3/directline/conversations/{Guid.NewGuid():N}{new string('x', 500)}/activities")
            {
                Content = JsonContent.Create(new { type = "message", text = "hi" }),
            };
            statuses.Add((await http.SendAsync(post)).StatusCode);
        }

        Assert.Equal(50, statuses.Count(s => s is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden or HttpStatusCode.NotFound));
        Assert.Equal(10, statuses.Count(s => s == HttpStatusCode.TooManyRequests));
        // The real conversation still has its own five posts a minute: the spray did not touch it.
        await using var other = Host(("PostsPerMinutePerConversation", "5"));
        var customer = await new DirectLineClient(other.CreateClient()).StartAsync();
        for (var i = 0; i < 5; i++)
        {
            await customer.PostMessageAsync("hello " + i);
        }
        var limits = host.Services.GetRequiredService<CustomerCare.Bot.Http.ConversationRateLimits>();
        using var fresh = limits.Post("a-conversation-of-its-own");
        Assert.True(fresh.IsAcquired);
    }
}

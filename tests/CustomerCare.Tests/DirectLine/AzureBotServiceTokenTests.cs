using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CustomerCare.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace CustomerCare.Tests.DirectLine;

/// <summary>
/// With WebChat:DirectLine=AzureBotService the page's token endpoint exchanges the Azure Bot's Direct Line secret for
/// a conversation token at the service (a stand-in on loopback speaking its tokens/generate), and the secret never
/// reaches the browser.
/// </summary>
public sealed class AzureBotServiceTokenTests
{
    private const string ChannelSecret = "azure-direct-line-site-key";

    private static async Task<(WebApplication Service, string Url, ConcurrentQueue<(string? Authorization, string? UserId)> Calls)> StandInAsync(HttpStatusCode status = HttpStatusCode.OK)
    {
        var calls = new ConcurrentQueue<(string?, string?)>();
        var (app, url) = await LoopbackServer.StartAsync(app => app.MapPost("/v3/directline/tokens/generate", async (HttpRequest request) =>
        {
            var body = await JsonNode.ParseAsync(request.Body);
            calls.Enqueue((request.Headers.Authorization.ToString(), body?["user"]?["id"]?.GetValue<string>()));
            return request.Headers.Authorization.ToString() != "Bearer " + ChannelSecret || status != HttpStatusCode.OK
                ? Results.StatusCode(status == HttpStatusCode.OK ? 403 : (int)status)
                : Results.Json(new { conversationId = "ABS-conversation-1", token = "abs-token-for-the-page", expires_in = 1800 });
        }));
        return (app, url, calls);
    }

    private static BotHost PageHost(string serviceUrl, string? secret = ChannelSecret)
    {
        var host = new BotHost();
        host.Settings["WebChat:DirectLine"] = "AzureBotService";
        host.Settings["WebChat:AzureBotServiceUrl"] = serviceUrl + "/v3/directline";
        if (secret is not null)
        {
            host.Settings["WebChat:AzureBotServiceSecret"] = secret;
        }
        return host;
    }

    [Fact]
    public async Task ThePage_GetsTheServicesToken_ForItsUser_AndTheDomainToConnectTo_ButNeverTheSecret()
    {
        var (service, url, calls) = await StandInAsync();
        await using var _ = service;
        await using var host = PageHost(url);

        var response = await host.CreateClient().PostAsJsonAsync("/api/directline/token", new { user = new { id = "dl_returning-customer" } });
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonNode.Parse(text)!;
        Assert.Equal(("abs-token-for-the-page", "ABS-conversation-1", "dl_returning-customer", 1800, url + "/v3/directline"),
            (body["token"]!.GetValue<string>(), body["conversationId"]!.GetValue<string>(), body["userId"]!.GetValue<string>(), body["expires_in"]!.GetValue<int>(), body["domain"]!.GetValue<string>()));
        Assert.Equal(("Bearer " + ChannelSecret, "dl_returning-customer"), Assert.Single(calls));
        Assert.DoesNotContain(ChannelSecret, text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a-wrong-secret", HttpStatusCode.OK)]
    [InlineData(ChannelSecret, HttpStatusCode.ServiceUnavailable)]
    public async Task AServiceThatRefusesOrFails_GivesThePageAClearError_WithoutTheSecret(string secret, HttpStatusCode status)
    {
        var (service, url, _) = await StandInAsync(status);
        await using var __ = service;
        await using var host = PageHost(url, secret);

        var response = await host.CreateClient().PostAsync("/api/directline/token", null);
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.Contains("could not issue a token", text, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
        Assert.Contains(host.Logs.Lines, l => l.Message.Contains("Azure Bot Service's Direct Line refused", StringComparison.Ordinal));
    }

    [Fact]
    public async Task WithoutTheChannelsSecret_TheBotDoesNotStart_AndSaysWhatIsMissing()
    {
        await using var host = PageHost("https://directline.botframework.com", secret: null);

        var failed = Assert.ThrowsAny<Exception>(() => host.CreateClient());

        Assert.Contains("WebChat:AzureBotServiceSecret", failed.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AServiceThatRedirects_OrAnswersWithTooMuch_GetsNoSecretElsewhere_AndThePageAClearError()
    {
        var elsewhere = new ConcurrentQueue<string>();
        var (other, otherUrl) = await LoopbackServer.StartAsync(app => app.MapPost("/{**path}", (HttpRequest request) =>
        {
            elsewhere.Enqueue(request.Headers.Authorization.ToString());
            return Results.Json(new { conversationId = "stolen", token = "stolen", expires_in = 60 });
        }));
        await using var _ = other;
        var (service, url) = await LoopbackServer.StartAsync(app =>
        {
            app.MapPost("/redirect/v3/directline/tokens/generate", () => Results.Redirect(otherUrl + "/collect", permanent: false, preserveMethod: true));
            app.MapPost("/huge/v3/directline/tokens/generate", () => Results.Json(new { conversationId = "c", token = new string('x', 1_000_000), expires_in = 60 }));
        });
        await using var __ = service;

        foreach (var path in new[] { "/redirect", "/huge" })
        {
            await using var host = PageHost(url + path);
            var response = await host.CreateClient().PostAsync("/api/directline/token", null);

            Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
            Assert.DoesNotContain(ChannelSecret, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        Assert.Empty(elsewhere);
    }

    [Fact]
    public async Task AUserIdWithATrailingNewline_IsRefused_BeforeAnythingReachesTheService()
    {
        var (service, url, calls) = await StandInAsync();
        await using var _ = service;
        await using var host = PageHost(url);

        var response = await host.CreateClient().PostAsJsonAsync("/api/directline/token", new { user = new { id = "dl_abc\n" } });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(calls);
    }
}

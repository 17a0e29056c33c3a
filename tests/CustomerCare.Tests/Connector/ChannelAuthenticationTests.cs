using System.Net;
using System.Net.Http.Json;
using CustomerCare.Tests.Support;

namespace CustomerCare.Tests.Connector;

/// <summary>Channel → bot JWT validation: only tokens the Bot Framework would accept run a turn.</summary>
public sealed class ChannelAuthenticationTests : IAsyncLifetime
{
    private const string AppId = "11111111-2222-3333-4444-555555555555";
    private TestSigningAuthority? _authority;
    private FakeChannel? _channel;
    private BotHost? _host;

    public async Task InitializeAsync()
    {
        _authority = await TestSigningAuthority.StartAsync();
        _channel = await FakeChannel.StartAsync();
        _host = new BotHost();
        _host.Settings["MicrosoftAppId"] = AppId;
        _host.Settings["ChannelAuth:OpenIdMetadataUrl"] = _authority.MetadataUrl;
        _host.Settings["ChannelAuth:RequireHttpsMetadata"] = "false";
    }

    public async Task DisposeAsync()
    {
        _host?.Dispose();
        await _channel!.DisposeAsync();
        await _authority!.DisposeAsync();
    }

    private async Task<HttpStatusCode> PostAsync(string? token, string channelId = "msteams")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = JsonContent.Create(new
            {
                type = "message", id = "a1", text = "help", channelId, serviceUrl = _channel!.ServiceUrl, locale = "en-US",
                from = new { id = "29:user" }, recipient = new { id = "28:" + AppId }, conversation = new { id = "19:conv" },
            }),
        };
        if (token is not null)
        {
            request.Headers.Authorization = new("Bearer", token);
        }
        return (await _host!.CreateClient().SendAsync(request)).StatusCode;
    }

    [Fact]
    public async Task ValidChannelToken_RunsTheTurn()
    {
        Assert.Equal(HttpStatusCode.OK, await PostAsync(_authority!.Token(AppId, _channel!.ServiceUrl)));
        Assert.NotEmpty(_channel.Calls);
    }

    public static TheoryData<string> Broken => ["missing", "expired", "wrongAudience", "wrongIssuer", "unsigned", "wronglySigned", "serviceUrlMismatch", "keyNotEndorsedForChannel", "notBearer"];

    [Theory]
    [MemberData(nameof(Broken))]
    public async Task BrokenToken_Is401_AndNothingRuns(string broken)
    {
        var authority = _authority!;
        var serviceUrl = _channel!.ServiceUrl;
        var token = broken switch
        {
            "missing" => null,
            "expired" => authority.Token(AppId, serviceUrl, expires: DateTime.UtcNow.AddMinutes(-10)),
            "wrongAudience" => authority.Token("someone-else", serviceUrl),
            "wrongIssuer" => authority.Token(AppId, serviceUrl, issuer: "https://evil.example"),
            "unsigned" => authority.Token(AppId, serviceUrl, withoutSignature: true),
            "wronglySigned" => authority.Token(AppId, serviceUrl, key: authority.UnknownKey),
            "serviceUrlMismatch" => authority.Token(AppId, "https://attacker.example/"),
            "keyNotEndorsedForChannel" => authority.Token(AppId, serviceUrl, key: authority.WebChatOnlyKey),
            _ => "Basic dXNlcjpwYXNz",
        };

        var status = broken == "notBearer" ? await PostRawAsync(token!) : await PostAsync(token);

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Empty(_channel.Calls);
    }

    private async Task<HttpStatusCode> PostRawAsync(string header)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = JsonContent.Create(new { type = "message", text = "hi", channelId = "msteams", serviceUrl = _channel!.ServiceUrl, conversation = new { id = "c" } }),
        };
        request.Headers.TryAddWithoutValidation("Authorization", header);
        return (await _host!.CreateClient().SendAsync(request)).StatusCode;
    }
}

using System.Net;
using System.Net.Http.Json;
using CustomerCare.Bot.Connector;
using CustomerCare.Schema;
using CustomerCare.Tests.Support;

namespace CustomerCare.Tests.Connector;

public sealed class BotMessagesTests : IDisposable
{
    private readonly BotHost _host = new();

    public void Dispose() => _host.Dispose();

    private static object Message(string serviceUrl, string text, string type = "message", string? name = null) => new
    {
        type,
        name,
        id = "act-1",
        text,
        channelId = "emulator",
        serviceUrl,
        locale = "en-US",
        from = new { id = "user-9", name = "Grace" },
        recipient = new { id = "bot-1", name = "CustomerCare" },
        conversation = new { id = "conv-9" },
    };

    [Fact]
    public async Task Message_IsAnsweredThroughTheConnectorAtServiceUrl_AsAReplyToTheActivity()
    {
        await using var channel = await FakeChannel.StartAsync();

        var response = await _host.CreateClient().PostAsJsonAsync("/api/messages", Message(channel.ServiceUrl, "Report a disruption"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var (method, path, authorization, body) = Assert.Single(channel.Calls);
        Assert.Equal("POST", method);
        Assert.Equal("/v3/conversations/conv-9/activities/act-1", path);
        Assert.Equal(string.Empty, authorization);
        Assert.Equal("act-1", body!["replyToId"]!.GetValue<string>());
        Assert.Equal("bot-1", body["from"]!["id"]!.GetValue<string>());
        Assert.Equal("user-9", body["recipient"]!["id"]!.GetValue<string>());
        Assert.Contains("What happened?", body["text"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnhandledInvoke_Is501()
    {
        await using var channel = await FakeChannel.StartAsync();

        var response = await _host.CreateClient().PostAsJsonAsync("/api/messages", Message(channel.ServiceUrl, "x", "invoke", "some/unknownInvoke"));

        Assert.Equal(HttpStatusCode.NotImplemented, response.StatusCode);
    }

    [Fact]
    public async Task MissingType_Is400WithAJsonError()
    {
        var response = await _host.CreateClient().PostAsJsonAsync("/api/messages", new { text = "hi" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("MissingProperty", (await DirectLineClient.ReadErrorAsync(response))["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task AuthorizationHeader_WhenNoAppIdIsConfigured_IsStillValidated_AndRefused()
    {
        await using var channel = await FakeChannel.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = JsonContent.Create(Message(channel.ServiceUrl, "hi")) };
        request.Headers.Authorization = new("Bearer", "not-a-real-token");

        var response = await _host.CreateClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(channel.Calls);
    }

    [Fact]
    public async Task ConnectorClient_SendsReplyUpdateDeleteAndCreate_WithTheRestVerbsAndPaths()
    {
        await using var channel = await FakeChannel.StartAsync();
        using var http = new HttpClient();
        var client = new HttpConnectorClient(http, new Uri(channel.ServiceUrl), new NoConnectorToken());
        var activity = new Activity { Type = ActivityTypes.Message, Text = "hello" };

        var sent = await client.SendToConversationAsync("c 1", activity, CancellationToken.None);
        await client.ReplyToActivityAsync("c 1", "a1", activity, CancellationToken.None);
        await client.UpdateActivityAsync("c 1", "a1", activity, CancellationToken.None);
        await client.DeleteActivityAsync("c 1", "a1", CancellationToken.None);
        await client.CreateConversationAsync(new ConversationParameters { IsGroup = true, Activity = activity }, CancellationToken.None);

        Assert.Equal("channel-1", sent.Id);
        Assert.Equal(
            ["POST /v3/conversations/c 1/activities", "POST /v3/conversations/c 1/activities/a1", "PUT /v3/conversations/c 1/activities/a1",
             "DELETE /v3/conversations/c 1/activities/a1", "POST /v3/conversations"],
            channel.Calls.Select(c => $"{c.Method} {c.Path}").ToArray());
    }

    [Fact]
    public async Task ConnectorClient_SendsJsonBodies_WithAContentLength_NotChunked()
    {
        await using var channel = await FakeChannel.StartAsync();
        using var http = new HttpClient();
        var client = new HttpConnectorClient(http, new Uri(channel.ServiceUrl), new NoConnectorToken());
        var activity = new Activity { Type = ActivityTypes.Message, Text = "Grüße" };

        await client.ReplyToActivityAsync("c1", "a1", activity, CancellationToken.None);
        await client.CreateConversationAsync(new ConversationParameters { IsGroup = true, Activity = activity }, CancellationToken.None);

        Assert.All(channel.Framing, framing =>
        {
            Assert.True(framing.ContentLength > 0, "a body sent chunked has no Content-Length");
            Assert.Equal("application/json; charset=utf-8", framing.ContentType);
        });
        Assert.Equal(2, channel.Framing.Count);
        Assert.Equal("Grüße", channel.Calls.First().Body!["text"]!.GetValue<string>());
    }
}

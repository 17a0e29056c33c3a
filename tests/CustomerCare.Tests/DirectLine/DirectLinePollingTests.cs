using System.Net;
using System.Text.Json.Nodes;
using CustomerCare.Tests.Support;

namespace CustomerCare.Tests.DirectLine;

public sealed class DirectLinePollingTests : IDisposable
{
    private readonly BotHost _host = new();

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task TokenEndpoint_IssuesAConversationTokenForADirectLineUser()
    {
        var response = await _host.CreateClient().PostAsync("/api/directline/token", null);
        var body = await DirectLineClient.ReadJsonAsync(response);

        Assert.StartsWith("dl_", body["userId"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(3, body["token"]!.GetValue<string>().Split('.').Length);
        Assert.False(string.IsNullOrEmpty(body["conversationId"]!.GetValue<string>()));
        Assert.Equal(3600, body["expires_in"]!.GetValue<int>());
    }

    [Fact]
    public async Task StartConversation_Twice_IsCreatedThenFound()
    {
        var client = await new DirectLineClient(_host.CreateClient()).StartAsync();

        var again = await client.SendAsync(HttpMethod.Post, "/v3/directline/conversations", null);

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(client.ConversationId, (await DirectLineClient.ReadJsonAsync(again))["conversationId"]!.GetValue<string>());
        Assert.StartsWith("ws://", client.StreamUrl, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostedMessage_IsEchoedWithIdAndClientActivityId_ThenTheBotRepliesToIt()
    {
        var client = await new DirectLineClient(_host.CreateClient()).StartAsync();

        var id = await client.PostMessageAsync("Report a disruption", "client-42");
        var (activities, watermark) = await client.GetActivitiesAsync();

        var echo = activities[0]!;
        Assert.Equal(id, echo["id"]!.GetValue<string>());
        Assert.Equal("client-42", echo["channelData"]!["clientActivityID"]!.GetValue<string>());
        Assert.Equal("user", echo["from"]!["role"]!.GetValue<string>());
        Assert.EndsWith("Z", echo["timestamp"]!.GetValue<string>(), StringComparison.Ordinal);
        var reply = activities[1]!;
        Assert.Equal("bot", reply["from"]!["role"]!.GetValue<string>());
        Assert.Equal(id, reply["replyToId"]!.GetValue<string>());
        Assert.Contains("What happened?", reply["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(activities.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), watermark);
    }

    [Fact]
    public async Task Watermark_ReturnsOnlyNewerActivities()
    {
        var client = await new DirectLineClient(_host.CreateClient()).StartAsync();
        await client.PostEventAsync("webchat/join");
        var (first, watermark) = await client.GetActivitiesAsync();

        await client.PostMessageAsync("help");
        var (newer, _) = await client.GetActivitiesAsync(watermark);

        Assert.Equal(3, first.Count);
        Assert.Equal("help", newer[0]!["text"]!.GetValue<string>());
        Assert.All(newer, a => Assert.DoesNotContain(first, f => f!["id"]!.GetValue<string>() == a!["id"]!.GetValue<string>()));
    }

    [Fact]
    public async Task JoinEvent_GreetsWithSuggestedActions_InTheRequestedLanguage()
    {
        var client = await new DirectLineClient(_host.CreateClient()).StartAsync("de-DE");

        await client.PostEventAsync("webchat/join");
        var (activities, _) = await client.GetActivitiesAsync();

        var menu = activities.Last()!;
        Assert.Equal(["Störung melden", "Produktberatung", "Mit einem Menschen sprechen"],
            menu["suggestedActions"]!["actions"]!.AsArray().Select(a => a!["title"]!.GetValue<string>()).ToArray());
    }

    [Fact]
    public async Task Reconnect_GivesANewTokenAndAStreamUrlWithTheWatermark()
    {
        var client = await new DirectLineClient(_host.CreateClient()).StartAsync();

        var response = await client.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{client.ConversationId}?watermark=3", null);
        var body = await DirectLineClient.ReadJsonAsync(response);

        Assert.Contains("watermark=3", body["streamUrl"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.NotEqual(client.Token, body["token"]!.GetValue<string>());
    }

    [Fact]
    public async Task Upload_StoresTheFile_AndTheBotSeesItAsAnAttachmentThatCanBeFetched()
    {
        var http = _host.CreateClient();
        var client = await new DirectLineClient(http).StartAsync();
        using var form = new MultipartFormDataContent();
        // As a page sends it: the activity part lists the file with its local preview link; the bot's upload replaces it.
        var activity = new StringContent("""{"type":"message","text":"my boarding pass","from":{"id":"x"},"attachments":[{"contentType":"image/png","contentUrl":"blob:http://page/1","name":"pass.png"}]}""");
        activity.Headers.ContentType = new("application/vnd.microsoft.activity");
        form.Add(activity, "activity", "blob");
        var file = new ByteArrayContent("PNGDATA"u8.ToArray());
        file.Headers.ContentType = new("image/png");
        form.Add(file, "file", "pass.png");

        using var request = new HttpRequestMessage(HttpMethod.Post, $"/v3/directline/conversations/{client.ConversationId}/upload?userId={client.UserId}") { Content = form };
        request.Headers.Authorization = new("Bearer", client.Token);
        var response = await http.SendAsync(request);
        await DirectLineClient.ReadJsonAsync(response);

        var (activities, _) = await client.GetActivitiesAsync();
        var attachment = Assert.Single(activities[0]!["attachments"]!.AsArray())!;
        Assert.Equal("pass.png", attachment["name"]!.GetValue<string>());
        Assert.Equal(client.UserId, activities[0]!["from"]!["id"]!.GetValue<string>());
        var bytes = await http.GetByteArrayAsync(new Uri(attachment["contentUrl"]!.GetValue<string>()).PathAndQuery);
        Assert.Equal("PNGDATA"u8.ToArray(), bytes);
    }

    [Fact]
    public async Task GenerateToken_WithTheSecret_BindsTheGivenUser_AndRefreshKeepsTheConversation()
    {
        var client = new DirectLineClient(_host.CreateClient());
        var generated = await DirectLineClient.ReadJsonAsync(await client.SendAsync(HttpMethod.Post, "/v3/directline/tokens/generate", new { user = new { id = "dl_customer7" } }, BotHost.Secret));
        var token = generated["token"]!.GetValue<string>();

        var refreshed = await DirectLineClient.ReadJsonAsync(await client.SendAsync(HttpMethod.Post, "/v3/directline/tokens/refresh", null, token));

        Assert.Equal(generated["conversationId"]!.GetValue<string>(), refreshed["conversationId"]!.GetValue<string>());
        var payload = System.Text.Encoding.UTF8.GetString(Base64UrlDecode(token.Split('.')[1]));
        Assert.Equal("dl_customer7", JsonNode.Parse(payload)!["user"]!.GetValue<string>());
    }

    private static byte[] Base64UrlDecode(string text)
    {
        var padded = text.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(padded.PadRight(padded.Length + ((4 - (padded.Length % 4)) % 4), '='));
    }
}

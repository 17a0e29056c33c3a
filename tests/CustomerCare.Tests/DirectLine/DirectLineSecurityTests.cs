using System.Net;
using CustomerCare.Tests.Support;

namespace CustomerCare.Tests.DirectLine;

public sealed class DirectLineSecurityTests : IDisposable
{
    private readonly BotHost _host = new();

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task TokenForConversationA_IsForbiddenOnConversationB()
    {
        var a = await new DirectLineClient(_host.CreateClient()).StartAsync();
        var b = await new DirectLineClient(_host.CreateClient()).StartAsync();

        var read = await a.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{b.ConversationId}/activities", null);
        var post = await a.SendAsync(HttpMethod.Post, $"/v3/directline/conversations/{b.ConversationId}/activities", new { type = "message", text = "hi", from = new { id = "x" } });

        Assert.Equal(HttpStatusCode.Forbidden, read.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        await DirectLineClient.ReadErrorAsync(post);
    }

    [Fact]
    public async Task ExpiredToken_IsForbidden()
    {
        var client = await new DirectLineClient(_host.CreateClient()).StartAsync();

        _host.Clock.Advance(TimeSpan.FromSeconds(3601));
        var response = await client.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{client.ConversationId}/activities", null);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("TokenInvalid", (await DirectLineClient.ReadErrorAsync(response))["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task ForgedToken_IsForbidden_AndMissingToken_IsUnauthorized()
    {
        var client = await new DirectLineClient(_host.CreateClient()).StartAsync();
        var parts = client.Token!.Split('.');
        var forged = parts[0] + "." + parts[1] + "." + new string('A', parts[2].Length);
        var path = $"/v3/directline/conversations/{client.ConversationId}/activities";

        var withForged = await client.SendAsync(HttpMethod.Get, path, null, forged);
        var withNone = await _host.CreateClient().GetAsync(path);

        Assert.Equal(HttpStatusCode.Forbidden, withForged.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, withNone.StatusCode);
        await DirectLineClient.ReadErrorAsync(withNone);
    }

    [Fact]
    public async Task GenerateToken_WithAToken_IsForbidden_OnlyTheSecretMayDoThat()
    {
        var client = await new DirectLineClient(_host.CreateClient()).StartAsync();

        var response = await client.SendAsync(HttpMethod.Post, "/v3/directline/tokens/generate", null);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task UnknownConversation_WithTheSecret_IsNotFound()
    {
        var client = new DirectLineClient(_host.CreateClient());

        var response = await client.SendAsync(HttpMethod.Get, "/v3/directline/conversations/nope/activities", null, BotHost.Secret);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("ConversationNotFound", (await DirectLineClient.ReadErrorAsync(response))["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task BadBodies_GetClearJsonErrors_AndTheServiceKeepsServing()
    {
        var client = await new DirectLineClient(_host.CreateClient()).StartAsync();
        var path = $"/v3/directline/conversations/{client.ConversationId}/activities";
        var http = _host.CreateClient();

        async Task<HttpResponseMessage> PostRaw(HttpContent content)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
            request.Headers.Authorization = new("Bearer", client.Token);
            return await http.SendAsync(request);
        }

        var malformed = await PostRaw(new StringContent("{\"type\": \"message\", \"text\": ", System.Text.Encoding.UTF8, "application/json"));
        var wrongType = await PostRaw(new StringContent("type=message", System.Text.Encoding.UTF8, "text/plain"));
        var noType = await PostRaw(new StringContent("{\"text\":\"hi\",\"from\":{\"id\":\"u\"}}", System.Text.Encoding.UTF8, "application/json"));
        var oversized = await PostRaw(new StringContent("{\"type\":\"message\",\"text\":\"" + new string('x', 400_000) + "\"}", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, wrongType.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, noType.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, oversized.StatusCode);
        foreach (var response in new[] { malformed, wrongType, noType, oversized })
        {
            await DirectLineClient.ReadErrorAsync(response);
        }
        Assert.NotEmpty(await client.PostMessageAsync("help"));
    }
}

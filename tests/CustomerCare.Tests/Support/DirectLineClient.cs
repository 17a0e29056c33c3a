using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CustomerCare.Tests.Support;

/// <summary>Talks to the bot's Direct Line the way botframework-directlinejs does (polling flavour).</summary>
public sealed class DirectLineClient(HttpClient http)
{
    public string? Token { get; private set; }

    public string? ConversationId { get; private set; }

    public string? UserId { get; private set; }

    public string? StreamUrl { get; private set; }

    public async Task<DirectLineClient> StartAsync(string locale = "en-US")
    {
        var issued = await ReadJsonAsync(await http.PostAsync("/api/directline/token", null));
        Token = issued["token"]!.GetValue<string>();
        UserId = issued["userId"]!.GetValue<string>();
        var started = await SendAsync(HttpMethod.Post, "/v3/directline/conversations", null);
        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        var body = await ReadJsonAsync(started);
        ConversationId = body["conversationId"]!.GetValue<string>();
        StreamUrl = body["streamUrl"]!.GetValue<string>();
        Locale = locale;
        return this;
    }

    public string Locale { get; set; } = "en-US";

    /// <summary>Continues a conversation started earlier (e.g. before a restart), as a reloaded page does.</summary>
    public DirectLineClient Resume(string token, string conversationId, string userId)
    {
        (Token, ConversationId, UserId) = (token, conversationId, userId);
        return this;
    }

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, object? body, string? token = null)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token ?? Token);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }
        return await http.SendAsync(request);
    }

    public async Task<string> PostMessageAsync(string text, string? clientActivityId = null)
    {
        var response = await SendAsync(HttpMethod.Post, $"/v3/directline/conversations/{ConversationId}/activities", new
        {
            type = "message",
            text,
            locale = Locale,
            from = new { id = UserId },
            channelData = new { clientActivityID = clientActivityId ?? Guid.NewGuid().ToString("N") },
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await ReadJsonAsync(response))["id"]!.GetValue<string>();
    }

    /// <summary>Sends a file the way Web Chat's attachment button does: a Direct Line upload with its activity.</summary>
    public async Task<HttpStatusCode> UploadAsync(string name, byte[] bytes, string contentType = "image/jpeg")
    {
        using var response = await UploadResponseAsync(name, bytes, contentType);
        return response.StatusCode;
    }

    /// <summary>The same upload, answered in full (its status, headers and error).</summary>
    public async Task<HttpResponseMessage> UploadResponseAsync(string name, byte[] bytes, string contentType = "image/jpeg")
    {
        using var form = new MultipartFormDataContent();
        var activity = new StringContent($$$"""{"type":"message","from":{"id":"{{{UserId}}}"}}""");
        activity.Headers.ContentType = new("application/vnd.microsoft.activity");
        form.Add(activity, "activity", "blob");
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new(contentType);
        form.Add(file, "file", name);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/v3/directline/conversations/{ConversationId}/upload?userId={UserId}") { Content = form };
        request.Headers.Authorization = new("Bearer", Token);
        return await http.SendAsync(request);
    }

    public async Task PostEventAsync(string name)
    {
        var response = await SendAsync(HttpMethod.Post, $"/v3/directline/conversations/{ConversationId}/activities", new
        {
            type = "event",
            name,
            locale = Locale,
            from = new { id = UserId },
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    public async Task<(JsonArray Activities, string Watermark)> GetActivitiesAsync(string? watermark = null)
    {
        var path = $"/v3/directline/conversations/{ConversationId}/activities" + (watermark is null ? string.Empty : "?watermark=" + watermark);
        var response = await SendAsync(HttpMethod.Get, path, null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await ReadJsonAsync(response);
        return (body["activities"]!.AsArray(), body["watermark"]!.GetValue<string>());
    }

    /// <summary>The texts of the bot's messages after the watermark.</summary>
    public async Task<List<string>> BotTextsAsync(string? watermark = null)
    {
        var (activities, _) = await GetActivitiesAsync(watermark);
        return activities.Where(a => a!["from"]?["role"]?.GetValue<string>() == "bot" && a["type"]!.GetValue<string>() == "message")
            .Select(a => a!["text"]?.GetValue<string>() ?? string.Empty).ToList();
    }

    public static async Task<JsonObject> ReadJsonAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!.AsObject();
    }

    public static async Task<JsonObject> ReadErrorAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var error = JsonNode.Parse(text)!["error"]!.AsObject();
        Assert.False(string.IsNullOrWhiteSpace(error["code"]?.GetValue<string>()));
        Assert.False(string.IsNullOrWhiteSpace(error["message"]?.GetValue<string>()));
        return error;
    }

    internal static JsonSerializerOptions Web { get; } = new(JsonSerializerDefaults.Web);
}

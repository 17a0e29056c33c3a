using System.Net.Http.Headers;
using System.Text.Json.Serialization.Metadata;
using CustomerCare.Builder;
using CustomerCare.Schema;

namespace CustomerCare.Bot.Connector;

/// <summary>The Bot Connector REST API, called at a channel's serviceUrl.</summary>
public sealed class HttpConnectorClient(HttpClient http, Uri serviceUrl, IConnectorTokenProvider tokens) : IConnectorClient
{
    public Task<ResourceResponse> SendToConversationAsync(string conversationId, Activity activity, CancellationToken cancellationToken)
        => SendAsync(HttpMethod.Post, $"v3/conversations/{Escape(conversationId)}/activities", activity, cancellationToken);

    public Task<ResourceResponse> ReplyToActivityAsync(string conversationId, string activityId, Activity activity, CancellationToken cancellationToken)
        => SendAsync(HttpMethod.Post, $"v3/conversations/{Escape(conversationId)}/activities/{Escape(activityId)}", activity, cancellationToken);

    public Task<ResourceResponse> UpdateActivityAsync(string conversationId, string activityId, Activity activity, CancellationToken cancellationToken)
        => SendAsync(HttpMethod.Put, $"v3/conversations/{Escape(conversationId)}/activities/{Escape(activityId)}", activity, cancellationToken);

    public async Task DeleteActivityAsync(string conversationId, string activityId, CancellationToken cancellationToken)
    {
        using var request = await CreateRequestAsync(HttpMethod.Delete, $"v3/conversations/{Escape(conversationId)}/activities/{Escape(activityId)}", cancellationToken).ConfigureAwait(false);
        using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        await EnsureSuccessAsync(response, cancellationToken).ConfigureAwait(false);
    }

    public async Task<ConversationResourceResponse> CreateConversationAsync(ConversationParameters parameters, CancellationToken cancellationToken)
    {
        using var request = await CreateRequestAsync(HttpMethod.Post, "v3/conversations", cancellationToken).ConfigureAwait(false);
        request.Content = Json(parameters, ProtocolJsonContext.Default.ConversationParameters);
        return await ReadAsync(request, ProtocolJsonContext.Default.ConversationResourceResponse, cancellationToken).ConfigureAwait(false)
            ?? new ConversationResourceResponse(null, null, null);
    }

    private async Task<ResourceResponse> SendAsync(HttpMethod method, string path, Activity activity, CancellationToken cancellationToken)
    {
        using var request = await CreateRequestAsync(method, path, cancellationToken).ConfigureAwait(false);
        request.Content = Json(activity, ProtocolJsonContext.Default.Activity);
        return await ReadAsync(request, ProtocolJsonContext.Default.ResourceResponse, cancellationToken).ConfigureAwait(false)
            ?? new ResourceResponse(null);
    }

    private async Task<T?> ReadAsync<T>(HttpRequestMessage request, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
        where T : class
    {
        using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        await EnsureSuccessAsync(response, cancellationToken).ConfigureAwait(false);
        if (response.Content.Headers.ContentLength == 0)
        {
            return null;
        }
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        return body.AsSpan().Trim(" \t\r\n"u8).IsEmpty ? null : System.Text.Json.JsonSerializer.Deserialize(body, typeInfo);
    }

    /// <summary>
    /// The body serialized up front, so it goes with a Content-Length in the same write as the headers
    /// (JsonContent would stream it chunked).
    /// </summary>
    private static ByteArrayContent Json<T>(T value, JsonTypeInfo<T> typeInfo)
    {
        var content = new ByteArrayContent(System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(value, typeInfo));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        return content;
    }

    private async Task<HttpRequestMessage> CreateRequestAsync(HttpMethod method, string path, CancellationToken cancellationToken)
    {
        var request = new HttpRequestMessage(method, new Uri(serviceUrl, path));
        if (await tokens.GetTokenAsync(cancellationToken).ConfigureAwait(false) is { } token)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        return request;
    }

    private static async Task EnsureSuccessAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            throw new ConnectorException((int)response.StatusCode, body);
        }
    }

    private static string Escape(string value) => Uri.EscapeDataString(value);
}

using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace CustomerCare.Tests.Support;

/// <summary>A channel's Connector service on loopback: records every call the bot makes and answers like the Bot Connector.</summary>
public sealed class FakeChannel : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _ids;

    private FakeChannel(WebApplication app) => _app = app;

    public ConcurrentQueue<(string Method, string Path, string? Authorization, JsonNode? Body)> Calls { get; } = new();

    /// <summary>How each call's body was framed: its Content-Length (null when sent chunked) and Content-Type.</summary>
    public ConcurrentQueue<(long? ContentLength, string? ContentType)> Framing { get; } = new();

    public string ServiceUrl { get; private set; } = string.Empty;

    public static async Task<FakeChannel> StartAsync()
    {
        FakeChannel? channel = null;
        var (app, baseUrl) = await LoopbackServer.StartAsync(app =>
        {
            channel = new FakeChannel(app);
            app.Map("/v3/conversations/{**rest}", channel.RecordAsync);
            app.MapPost("/v3/conversations", channel.RecordAsync);
        });
        channel!.ServiceUrl = baseUrl + "/";
        return channel;
    }

    private async Task RecordAsync(HttpContext context)
    {
        var text = await new StreamReader(context.Request.Body).ReadToEndAsync();
        Framing.Enqueue((context.Request.ContentLength, context.Request.ContentType));
        Calls.Enqueue((context.Request.Method, context.Request.Path.Value!, context.Request.Headers.Authorization.ToString(), text.Length > 0 ? JsonNode.Parse(text) : null));
        if (context.Request.Method == "DELETE")
        {
            return;
        }
        var id = "channel-" + Interlocked.Increment(ref _ids);
        await context.Response.WriteAsJsonAsync(new { id, activityId = "root-" + id });
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

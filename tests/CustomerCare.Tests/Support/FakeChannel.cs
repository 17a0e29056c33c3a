using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CustomerCare.Tests.Support;

/// <summary>A channel's Connector service on loopback: records every call the bot makes and answers like the Bot Connector.</summary>
public sealed class FakeChannel : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _ids;

    private FakeChannel(WebApplication app) => _app = app;

    public ConcurrentQueue<(string Method, string Path, string? Authorization, JsonNode? Body)> Calls { get; } = new();

    public string ServiceUrl { get; private set; } = string.Empty;

    public static async Task<FakeChannel> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var channel = new FakeChannel(app);
        app.Map("/v3/conversations/{**rest}", channel.RecordAsync);
        app.MapPost("/v3/conversations", channel.RecordAsync);
        await app.StartAsync();
        channel.ServiceUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/";
        return channel;
    }

    private async Task RecordAsync(HttpContext context)
    {
        var text = await new StreamReader(context.Request.Body).ReadToEndAsync();
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

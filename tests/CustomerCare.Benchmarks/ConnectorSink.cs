using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace CustomerCare.Benchmarks;

/// <summary>Plays the channel's Connector service: answers every reply the bot sends with an id, as fast as it can.</summary>
internal sealed class ConnectorSink : IAsyncDisposable
{
    private readonly WebApplication _app;
    private long _received;

    private ConnectorSink(WebApplication app) => _app = app;

    public string ServiceUrl { get; private set; } = string.Empty;

    public long Received => Interlocked.Read(ref _received);

    public static async Task<ConnectorSink> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var sink = new ConnectorSink(app);
        app.MapPost("/v3/conversations/{conversationId}/activities/{activityId?}", async (HttpContext context) =>
        {
            await context.Request.Body.CopyToAsync(Stream.Null);
            var id = Interlocked.Increment(ref sink._received);
            return Results.Json(new { id = "sink-" + id });
        });
        await app.StartAsync();
        sink.ServiceUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/";
        return sink;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

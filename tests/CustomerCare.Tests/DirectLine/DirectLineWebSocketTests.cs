using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using CustomerCare.Tests.Support;

namespace CustomerCare.Tests.DirectLine;

public sealed class DirectLineWebSocketTests : IDisposable
{
    private readonly BotHost _host = new();

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task Stream_ReplaysEarlierActivities_ThenPushesEchoAndReplyAsActivitySets()
    {
        var client = await new DirectLineClient(_host.CreateClient()).StartAsync();
        await client.PostEventAsync("webchat/join");
        using var socket = await ConnectAsync(client.StreamUrl!);

        var backlog = await ReceiveSetAsync(socket);
        Assert.Equal(3, backlog["activities"]!.AsArray().Count);
        Assert.Equal("3", backlog["watermark"]!.GetValue<string>());

        var id = await client.PostMessageAsync("Report a disruption", "c-1");
        var echo = await ReceiveSetAsync(socket);
        var reply = await ReceiveSetAsync(socket);

        Assert.Equal(id, echo["activities"]![0]!["id"]!.GetValue<string>());
        Assert.Equal("c-1", echo["activities"]![0]!["channelData"]!["clientActivityID"]!.GetValue<string>());
        Assert.Equal(id, reply["activities"]![0]!["replyToId"]!.GetValue<string>());
        Assert.Equal("5", reply["watermark"]!.GetValue<string>());
    }

    [Fact]
    public async Task Stream_WithWatermark_SkipsWhatTheClientAlreadyHas()
    {
        var client = await new DirectLineClient(_host.CreateClient()).StartAsync();
        await client.PostEventAsync("webchat/join");

        using var socket = await ConnectAsync(client.StreamUrl + "&watermark=2");
        var backlog = await ReceiveSetAsync(socket);

        var only = Assert.Single(backlog["activities"]!.AsArray());
        Assert.EndsWith("|0000003", only!["id"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stream_WithAnotherConversationsToken_IsRefused()
    {
        var a = await new DirectLineClient(_host.CreateClient()).StartAsync();
        var b = await new DirectLineClient(_host.CreateClient()).StartAsync();
        var url = System.Text.RegularExpressions.Regex.Replace(b.StreamUrl!, "t=[^&]+", "t=" + a.Token);

        var error = await Assert.ThrowsAnyAsync<Exception>(() => ConnectAsync(url));

        Assert.Contains("403", error.Message, StringComparison.Ordinal);
    }

    private async Task<WebSocket> ConnectAsync(string streamUrl)
    {
        var client = _host.Server.CreateWebSocketClient();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        return await client.ConnectAsync(new Uri(streamUrl), timeout.Token);
    }

    private static async Task<JsonObject> ReceiveSetAsync(WebSocket socket)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var buffer = new byte[64 * 1024];
        while (true)
        {
            using var message = new MemoryStream();
            WebSocketReceiveResult result;
            do
            {
                result = await socket.ReceiveAsync(buffer, timeout.Token);
                message.Write(buffer, 0, result.Count);
            }
            while (!result.EndOfMessage);
            if (message.Length > 0)
            {
                return JsonNode.Parse(Encoding.UTF8.GetString(message.ToArray()))!.AsObject();
            }
        }
    }
}

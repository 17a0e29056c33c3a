using System.Net;
using System.Net.WebSockets;
using CustomerCare.Bot.DirectLine;
using CustomerCare.Schema;
using CustomerCare.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace CustomerCare.Tests.Abuse;

/// <summary>Open streams per conversation and per token, a stream that stops reading, and the day's upload bytes are all bounded.</summary>
public sealed class StreamAndUploadLimitsTests
{
    [Fact]
    public async Task AThirdStreamOnOneConversation_IsRefusedWith429_AndOneClosedMakesRoom()
    {
        await using var host = new BotHost();
        host.Settings["DirectLine:MaxListenersPerConversation"] = "2";
        host.Settings["DirectLine:MaxListenersPerToken"] = "5";
        var customer = await new DirectLineClient(host.CreateClient()).StartAsync();

        using var first = await ConnectAsync(host, customer.StreamUrl!);
        using var second = await ConnectAsync(host, await FreshStreamUrlAsync(customer));
        var refused = await Assert.ThrowsAnyAsync<Exception>(async () => await ConnectAsync(host, await FreshStreamUrlAsync(customer)));
        Assert.Contains("429", refused.Message, StringComparison.Ordinal);

        await first.CloseAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
        using var third = await ConnectWhenRoomAsync(host, await FreshStreamUrlAsync(customer));
        Assert.Equal(WebSocketState.Open, third.State);
    }

    [Fact]
    public async Task ASecondStreamOnOneToken_IsRefused_WhileARefreshedTokenGetsIn()
    {
        await using var host = new BotHost();
        host.Settings["DirectLine:MaxListenersPerToken"] = "1";
        var customer = await new DirectLineClient(host.CreateClient()).StartAsync();

        using var first = await ConnectAsync(host, customer.StreamUrl!);
        var refused = await Assert.ThrowsAnyAsync<Exception>(() => ConnectAsync(host, customer.StreamUrl!));
        Assert.Contains("429", refused.Message, StringComparison.Ordinal);
        using var other = await ConnectAsync(host, await FreshStreamUrlAsync(customer));
        Assert.Equal(WebSocketState.Open, other.State);
    }

    [Fact]
    public async Task AListenerThatStopsReading_IsEndedAfterItsBacklog_AndResumesFromItsWatermark()
    {
        var conversation = new DirectLineConversation("c1", TimeProvider.System, new DirectLineMemoryLimits(MaxActivities: 100, MaxBytes: 1 << 20, MaxListeners: 2, ListenerBacklog: 8));
        var (backlog, updates, subscription) = conversation.Listen(null)!.Value;
        using (subscription)
        {
            for (var i = 1; i <= 20; i++)
            {
                conversation.Append(new Activity { Type = ActivityTypes.Message, Text = $"m{i}" });
            }

            var read = new List<ActivitySet>();
            while (updates.TryRead(out var set))
            {
                read.Add(set);
            }
            Assert.Equal(8, read.Count);
            await Assert.ThrowsAsync<ListenerFellBehindException>(() => updates.Completion);

            var resumed = conversation.Read(read[^1].Watermark);
            Assert.Equal(Enumerable.Range(9, 12).Select(i => $"m{i}"), resumed.Recent.Activities.Select(a => a.Text));
            Assert.Empty(backlog.Recent.Activities);
        }
    }

    [Fact]
    public async Task UploadsPastAConversationsDailyBytes_Get429UntilMidnight_WhileAnotherConversationStillUploads()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 2, 23, 30, 0, TimeSpan.Zero));
        await using var host = new BotHost(clock: clock);
        host.Settings["DirectLine:MaxUploadBytesPerConversationPerDay"] = "100000";
        var customer = await new DirectLineClient(host.CreateClient()).StartAsync();
        var other = await new DirectLineClient(host.CreateClient()).StartAsync();
        var photo = new byte[60_000];

        Assert.Equal(HttpStatusCode.OK, (await customer.UploadResponseAsync("photo.jpg", photo)).StatusCode);
        using var refused = await customer.UploadResponseAsync("photo.jpg", photo);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("UploadQuotaExceeded", (await DirectLineClient.ReadErrorAsync(refused))["code"]!.GetValue<string>());
        Assert.Equal(TimeSpan.FromMinutes(30), refused.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(int.Parse(refused.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(HttpStatusCode.OK, (await other.UploadResponseAsync("photo.jpg", photo)).StatusCode);

        clock.Advance(TimeSpan.FromMinutes(30));
        Assert.Equal(HttpStatusCode.OK, (await customer.UploadResponseAsync("photo.jpg", photo)).StatusCode);
    }

    [Fact]
    public async Task UploadsPastTheServicesDailyBytes_AreRefusedForEveryConversation()
    {
        await using var host = new BotHost();
        host.Settings["DirectLine:MaxUploadBytesPerDay"] = "150000";
        var photo = new byte[60_000];
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            var customer = await new DirectLineClient(host.CreateClient()).StartAsync();
            statuses.Add((await customer.UploadResponseAsync("photo.jpg", photo)).StatusCode);
        }
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
    }


    /// <summary>A new token for the same conversation and its stream URL, as Web Chat gets on reconnecting.</summary>
    private static async Task<string> FreshStreamUrlAsync(DirectLineClient customer)
    {
        using var response = await customer.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{customer.ConversationId}", null);
        return (await DirectLineClient.ReadJsonAsync(response))["streamUrl"]!.GetValue<string>();
    }

    private static async Task<WebSocket> ConnectAsync(BotHost host, string streamUrl)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        return await host.Server.CreateWebSocketClient().ConnectAsync(new Uri(streamUrl), timeout.Token);
    }

    /// <summary>The server lets go of a closed stream a moment after the close: retries for a few seconds.</summary>
    private static async Task<WebSocket> ConnectWhenRoomAsync(BotHost host, string streamUrl)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return await ConnectAsync(host, streamUrl);
            }
            catch (Exception e) when (attempt < 50 && e.Message.Contains("429", StringComparison.Ordinal))
            {
                await Task.Delay(100);
            }
        }
    }
}

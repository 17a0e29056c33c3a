using CustomerCare.Tests.Support;

namespace CustomerCare.Tests.DirectLine;

/// <summary>Many customers (or a customer and agents) confirming the same entitlement at once, through the bot's public endpoints.</summary>
public sealed class ConcurrentGrantTests : IDisposable
{
    private readonly BotHost _host = new();

    public void Dispose() => _host.Dispose();

    [Theory]
    [InlineData("My flight CC400 was delayed, booking DEMO01", "Sample")]
    [InlineData("My flight was delayed, booking DEMO05", "Probe")]
    [InlineData("My flight was delayed, booking DEMO03", "Muster")]
    public async Task SixtyFourConfirmationsAtOnce_FromDirectLineAndTheConnectorEndpoint_GrantExactlyOnce(string report, string lastName)
    {
        await using var channel = await FakeChannel.StartAsync();
        var directLine = await Task.WhenAll(Enumerable.Range(0, 32).Select(async _ =>
        {
            var client = await new DirectLineClient(_host.CreateClient()).StartAsync();
            await client.PostMessageAsync(report);
            await client.PostMessageAsync(lastName);
            return client;
        }));
        var http = _host.CreateClient();
        async Task Connector(int i, string text, int turn) => await http.PostAsync("/api/messages", System.Net.Http.Json.JsonContent.Create(new
        {
            type = "message", id = $"m{i}-{turn}", text, channelId = "msteams", serviceUrl = channel.ServiceUrl, locale = "en-US",
            from = new { id = "29:user" + i }, recipient = new { id = "28:bot" }, conversation = new { id = "teams-" + i },
        }));
        foreach (var i in Enumerable.Range(0, 32))
        {
            await Connector(i, report, 1);
            await Connector(i, lastName, 2);
        }

        var before = channel.Calls.Count;
        var watermarks = await Task.WhenAll(directLine.Select(async c => (await c.GetActivitiesAsync()).Watermark));
        await Task.WhenAll(directLine.Select(c => c.PostMessageAsync("yes")).Concat(Enumerable.Range(0, 32).Select(i => Connector(i, "yes", 3))));

        var texts = (await Task.WhenAll(directLine.Select((c, i) => c.BotTextsAsync(watermarks[i])))).SelectMany(t => t)
            .Concat(channel.Calls.Skip(before).Select(c => c.Body?["text"]?.GetValue<string>() ?? string.Empty)).ToList();
        Assert.Equal(1, texts.Count(t => t.Contains("Your reference is G-", StringComparison.Ordinal)));
        Assert.Equal(63, texts.Count(t => t.Contains("already granted €", StringComparison.Ordinal)));
    }
}

using System.Text.Json.Nodes;
using CustomerCare.Bot.DirectLine;
using CustomerCare.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerCare.Tests.Abuse;

/// <summary>
/// A Direct Line conversation keeps only its newest activities in memory, by count and by bytes; a client reading
/// from an old watermark still gets every activity, in order, from the transcript.
/// </summary>
public sealed class ConversationMemoryTests
{
    [Fact]
    public async Task ALongConversation_KeepsTenActivitiesInMemory_AndAReaderFromTheStartGetsEveryOneInOrder()
    {
        var dataPath = BotHost.TempDataPath();
        string conversationId, token, userId;
        await using (var host = Limited(dataPath, activities: 10))
        {
            var customer = await new DirectLineClient(host.CreateClient()).StartAsync();
            (conversationId, token, userId) = (customer.ConversationId!, customer.Token!, customer.UserId!);
            for (var i = 1; i <= 15; i++)
            {
                await customer.PostMessageAsync($"hello number {i}");
            }

            var conversation = await host.Services.GetRequiredService<DirectLineConversations>().FindAsync(conversationId);
            Assert.InRange(conversation!.InMemory.Activities, 1, 10);
            AssertWholeStream(await ReadAllAsync(customer), 15);
        }

        // After a restart the conversation comes back from its transcript with the same bounds.
        await using (var restarted = Limited(dataPath, activities: 10))
        {
            var customer = new DirectLineClient(restarted.CreateClient()).Resume(token, conversationId, userId);
            var stream = await ReadAllAsync(customer);
            AssertWholeStream(stream, 15);
            var conversation = await restarted.Services.GetRequiredService<DirectLineConversations>().FindAsync(conversationId);
            Assert.InRange(conversation!.InMemory.Activities, 1, 10);
        }
    }

    [Fact]
    public async Task TenMessagesOf20KB_KeepOneInMemory_AndEveryMessageIsReadBackWhole()
    {
        await using var host = Limited(BotHost.TempDataPath(), activities: 500, bytes: 16 * 1024);
        var customer = await new DirectLineClient(host.CreateClient()).StartAsync();
        var big = Enumerable.Range(1, 10).Select(i => (string?)($"{i} " + new string('z', 20_000))).ToList();
        foreach (var text in big)
        {
            await customer.PostMessageAsync(text!);
        }

        var conversation = await host.Services.GetRequiredService<DirectLineConversations>().FindAsync(customer.ConversationId!);
        // Every message is larger than the limit on its own, so memory keeps the newest activity and nothing else of size.
        Assert.InRange(conversation!.InMemory.Bytes, 1, 16 * 1024 + 21_000);
        var texts = (await ReadAllAsync(customer)).Where(a => a["from"]?["role"]?.GetValue<string>() == "user").Select(a => a["text"]?.GetValue<string>()).ToList();
        Assert.Equal(big, texts);
    }

    [Fact]
    public async Task ThirtyMessagesPostedAtOnce_AreReadFromAnyWatermark_EachOnceAndInOrder_AlsoAfterARestart()
    {
        var dataPath = BotHost.TempDataPath();
        string conversationId, token, userId;
        await using (var host = Limited(dataPath, activities: 10))
        {
            var customer = await new DirectLineClient(host.CreateClient()).StartAsync();
            (conversationId, token, userId) = (customer.ConversationId!, customer.Token!, customer.UserId!);
            await Task.WhenAll(Enumerable.Range(0, 6).Select(async sender =>
            {
                var client = new DirectLineClient(host.CreateClient()).Resume(token, conversationId, userId);
                for (var i = 0; i < 5; i++)
                {
                    await client.PostMessageAsync($"sender {sender} message {i}");
                }
            }));
            await AssertEveryWatermarkReadsOnceInOrderAsync(customer);
        }
        await using (var restarted = Limited(dataPath, activities: 10))
        {
            await AssertEveryWatermarkReadsOnceInOrderAsync(new DirectLineClient(restarted.CreateClient()).Resume(token, conversationId, userId));
        }
    }

    [Fact]
    public async Task APageReadFromTheTranscript_HoldsNoMoreBytesThanMemoryKeeps()
    {
        await using var host = Limited(BotHost.TempDataPath(), activities: 500, bytes: 16 * 1024);
        var customer = await new DirectLineClient(host.CreateClient()).StartAsync();
        for (var i = 0; i < 6; i++)
        {
            await customer.PostMessageAsync($"{i} " + new string('z', 20_000));
        }

        using var response = await customer.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{customer.ConversationId}/activities?watermark=0", null);
        var body = await response.Content.ReadAsStringAsync();

        // One 20 KB message is more than the 16 KB a page may hold, so a page carries it alone, not all six.
        Assert.InRange(body.Length, 20_000, 16 * 1024 + 2 * 21_000);
    }

    [Fact]
    public async Task AValueWithALoneSurrogate_IsRefused_AndTheConversationStaysReadable()
    {
        await using var host = new BotHost();
        var customer = await new DirectLineClient(host.CreateClient()).StartAsync();
        var json = "{\"type\":\"message\",\"text\":\"hi\",\"value\":{\"a\":\"\\ud800\"},\"from\":{\"id\":\"" + customer.UserId + "\"}}";
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/v3/directline/conversations/{customer.ConversationId}/activities")
        {
            Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new("Bearer", customer.Token);

        using var response = await host.CreateClient().SendAsync(request);

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
        await customer.PostMessageAsync("I want to talk to a person");
        Assert.NotEmpty(await customer.BotTextsAsync());
    }

    /// <summary>From every watermark, a reader gets each later position exactly once, in order, to the end.</summary>
    private static async Task AssertEveryWatermarkReadsOnceInOrderAsync(DirectLineClient reader)
    {
        var end = int.Parse((await reader.GetActivitiesAsync("999999")).Watermark, System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(end > 60, $"only {end} activities");
        foreach (var from in new[] { 0, 3, 10, 20, 30, 45, end - 5 })
        {
            var positions = (await ReadAllAsync(reader, from.ToString(System.Globalization.CultureInfo.InvariantCulture)))
                .Select(a => a["id"]!.GetValue<string>()).Select(id => int.Parse(id[(id.LastIndexOf('|') + 1)..], System.Globalization.CultureInfo.InvariantCulture)).ToList();
            Assert.Equal(Enumerable.Range(from + 1, end - from), positions);
        }
    }

    private static BotHost Limited(string dataPath, int activities, long bytes = 512 * 1024)
    {
        var host = new BotHost(dataPath);
        host.Settings["DirectLine:MaxActivitiesInMemory"] = activities.ToString(System.Globalization.CultureInfo.InvariantCulture);
        host.Settings["DirectLine:MaxBytesInMemory"] = bytes.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return host;
    }

    /// <summary>Reads as a polling client does: from no watermark, each page from the last one's watermark, until nothing is new.</summary>
    private static async Task<List<JsonNode>> ReadAllAsync(DirectLineClient customer, string? watermark = null)
    {
        var all = new List<JsonNode>();
        for (var pages = 0; pages < 100; pages++)
        {
            var (activities, next) = await customer.GetActivitiesAsync(watermark);
            if (activities.Count == 0 && next == watermark)
            {
                return all;
            }
            all.AddRange(activities.Select(a => a!.DeepClone()));
            watermark = next;
        }
        throw new InvalidOperationException("The reader never reached the end of the stream.");
    }

    private static void AssertWholeStream(List<JsonNode> stream, int messages)
    {
        var ids = stream.Select(a => a["id"]!.GetValue<string>()).ToList();
        var positions = ids.Select(id => int.Parse(id[(id.LastIndexOf('|') + 1)..], System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(Enumerable.Range(1, stream.Count), positions);
        var said = stream.Where(a => a["from"]?["role"]?.GetValue<string>() == "user").Select(a => a["text"]?.GetValue<string>()).ToList();
        Assert.Equal(Enumerable.Range(1, messages).Select(i => $"hello number {i}"), said);
        Assert.True(stream.Count > messages, "the bot's replies are in the stream too");
    }
}

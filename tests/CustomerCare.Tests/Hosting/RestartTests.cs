using CustomerCare.Tests.Support;

namespace CustomerCare.Tests.Hosting;

public sealed class RestartTests
{
    [Fact]
    public async Task ConversationStateAndHistory_SurviveARestartOfTheHost()
    {
        var dataPath = BotHost.TempDataPath();
        string token, conversationId, userId;
        using (var first = new BotHost(dataPath))
        {
            var client = await new DirectLineClient(first.CreateClient()).StartAsync();
            await client.PostMessageAsync("Report a disruption");
            await client.PostMessageAsync("Delay");
            Assert.Contains("booking reference", (await client.BotTextsAsync()).Last(), StringComparison.Ordinal);
            (token, conversationId, userId) = (client.Token!, client.ConversationId!, client.UserId!);
        }

        using var second = new BotHost(dataPath);
        var resumed = new DirectLineClient(second.CreateClient()).Resume(token, conversationId, userId);

        var (history, watermark) = await resumed.GetActivitiesAsync();
        await resumed.PostMessageAsync("K7QX2M");

        Assert.Equal(4, history.Count);
        Assert.Equal("Report a disruption", history[0]!["text"]!.GetValue<string>());
        Assert.Contains("last name", (await resumed.BotTextsAsync(watermark)).Single(), StringComparison.Ordinal);
    }
}

using CustomerCare.Bot.Storage;
using CustomerCare.Bot.DirectLine;
using CustomerCare.Bot.Transcripts;
using CustomerCare.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CustomerCare.Tests.Hosting;

public sealed class TranscriptTests
{
    [Fact]
    public async Task EveryActivity_IsLogged_IncomingFirstAsUser_ThenRepliesAsBot_WithTheirIds()
    {
        var dataPath = BotHost.TempDataPath();
        string conversationId;
        using (var host = new BotHost(dataPath))
        {
            var client = await new DirectLineClient(host.CreateClient()).StartAsync();
            await client.PostEventAsync("webchat/join");
            await client.PostMessageAsync("Report a disruption");
            conversationId = client.ConversationId!;
        }

        using var reopened = new BotHost(dataPath);
        reopened.CreateClient();
        var logged = reopened.Services.GetRequiredService<TranscriptStore>().GetActivities(DirectLineChannel.ChannelId, conversationId);

        Assert.Equal(
            [("event", "user"), ("message", "bot"), ("message", "bot"), ("message", "user"), ("message", "bot")],
            logged.Select(a => (a.Type!, a.From!.Role!)).ToArray());
        Assert.All(logged, a => Assert.NotNull(a.Id));
        Assert.All(logged, a => Assert.NotNull(a.Timestamp));
        Assert.Equal(logged[3].Id, logged[4].ReplyToId);
    }
}

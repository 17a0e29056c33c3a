using System.Net;
using CustomerCare.Bot.Transcripts;
using CustomerCare.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerCare.Tests.Abuse;

/// <summary>
/// Ids no channel sends (2,000 characters, control characters), posted with signed channel tokens and over Direct
/// Line while a customer talks: each is refused with a clear error before it reaches a store, and nothing of the
/// customer's conversation is lost.
/// </summary>
public sealed class HostileIdsTests
{
    [Fact]
    public async Task HostileIds_AreRefusedWith400_WhileEveryMessageOfAWellBehavedConversationReachesItsTranscript()
    {
        await using var bot = await AttackedBot.StartAsync();
        var http = bot.Host.CreateClient();
        var customer = await new DirectLineClient(http).StartAsync();
        var longId = new string('x', 2_000);
        var said = new[] { "hello", "My flight was delayed, booking DEMO01", "Sample", "no", "thanks", "bye" };

        for (var i = 0; i < said.Length; i++)
        {
            await customer.PostMessageAsync(said[i]);
            var hostile = i switch
            {
                0 => bot.Teams.InThread("ada", "Ada", "hi", thread: longId),
                1 => bot.Teams.InThread("ada", "Ada", "hi", activityId: longId),
                2 => bot.Teams.InThread(longId, "Ada", "hi"),
                _ => bot.Teams.InThread("ada", "Ada", "hi", thread: "19:x\u0000y@thread.tacv2"),
            };
            var refused = await bot.Teams.PostAsync(http, hostile);
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Contains("must be at most 512 bytes of printable characters", (await JsonBodies.ReadAsync(refused))["error"]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
        }
        var byDirectLine = await customer.SendAsync(HttpMethod.Post, $"/v3/directline/conversations/{customer.ConversationId}/activities",
            new { type = "message", text = "x", from = new { id = customer.UserId }, replyToId = longId });
        Assert.Equal(HttpStatusCode.BadRequest, byDirectLine.StatusCode);

        var transcripts = bot.Host.Services.GetRequiredService<ITranscriptStore>();
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (transcripts.GetActivities("directline", customer.ConversationId!).Count(a => a.From?.Role == "user") < said.Length && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }
        Assert.Equal(said, transcripts.GetActivities("directline", customer.ConversationId!).Where(a => a.From?.Role == "user").Select(a => a.Text));
    }

    [Fact]
    public async Task TheLongestIdsAccepted_StillMakeStoreKeys_SoTheirTranscriptIsKept_AndALongerChannelIdIsRefused()
    {
        await using var bot = await AttackedBot.StartAsync();
        var http = bot.Host.CreateClient();
        var thread = "19:" + new string('t', ActivityIds_MaxBytes - 3);

        var accepted = await bot.Teams.PostAsync(http, bot.Teams.InThread("ada", "Ada", "hello", thread: thread));
        var longChannel = await bot.Teams.PostAsync(http, new { type = "message", text = "hi", channelId = new string('c', 65), conversation = new { id = "c1" }, from = new { id = "u1" } });

        Assert.True(accepted.IsSuccessStatusCode, accepted.StatusCode.ToString());
        Assert.Equal(HttpStatusCode.BadRequest, longChannel.StatusCode);
        Assert.Contains("'channelId' must be at most 64 bytes", (await JsonBodies.ReadAsync(longChannel))["error"]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
        var transcripts = bot.Host.Services.GetRequiredService<ITranscriptStore>();
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (!transcripts.Exists("msteams", thread) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }
        Assert.Contains(transcripts.GetActivities("msteams", thread), a => a.Text == "hello");
    }

    [Theory]
    [InlineData("19:a\u2028b@thread.tacv2")]
    [InlineData("19:a\u202Eb@thread.tacv2")]
    [InlineData("19:a\u200Bb@thread.tacv2")]
    public async Task IdsWithSeparatorsOrFormatCharacters_AreRefused(string thread)
    {
        await using var bot = await AttackedBot.StartAsync();
        var refused = await bot.Teams.PostAsync(bot.Host.CreateClient(), bot.Teams.InThread("ada", "Ada", "hi", thread: thread));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
    }

    private const int ActivityIds_MaxBytes = CustomerCare.Bot.Http.ActivityIds.MaxBytes;
}

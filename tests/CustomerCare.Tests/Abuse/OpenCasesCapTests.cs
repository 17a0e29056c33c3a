using CustomerCare.Cases;
using CustomerCare.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerCare.Tests.Abuse;

/// <summary>A customer asking for a person again and again over Direct Line opens at most a few cases; what they asked is kept on the newest.</summary>
public sealed class OpenCasesCapTests
{
    [Fact]
    public async Task AskingForAPersonTenTimes_OpensThreeCases_AndAddsTheRestToTheNewest()
    {
        await using var host = new BotHost();
        var customer = await new DirectLineClient(host.CreateClient()).StartAsync();
        for (var i = 0; i < 10; i++)
        {
            await customer.PostMessageAsync("I want to talk to a person");
        }

        var store = host.Services.GetRequiredService<ICaseStore>();
        var cases = await store.ForConversationAsync("directline", customer.ConversationId!, CancellationToken.None);
        Assert.Equal(3, cases.Count);
        var newest = cases.MaxBy(c => c.Case.OpenedUtc)!;
        // The same request seven times over is one note, not seven.
        Assert.Single(newest.Notes, n => n.Text == "Asked again: the customer asked for a person");
        Assert.Contains(await customer.BotTextsAsync(), t => t.Contains($"Your case {newest.Case.Reference} is still waiting for a person", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ADisruptionHandedOverPastTheCap_KeepsEveryFactANewCaseWouldHold_OnTheNewestCase()
    {
        await using var host = new BotHost();
        var customer = await new DirectLineClient(host.CreateClient()).StartAsync();
        for (var i = 0; i < 3; i++)
        {
            await customer.PostMessageAsync("I want to talk to a person");
        }
        foreach (var message in new[] { "My suitcase did not arrive, booking DEMO10", "Koffer", "LHRCC99999", "LHRCC99999", "LHRCC99999" })
        {
            await customer.PostMessageAsync(message);
        }

        var cases = await host.Services.GetRequiredService<ICaseStore>().ForConversationAsync("directline", customer.ConversationId!, CancellationToken.None);
        Assert.Equal(3, cases.Count);
        var note = Assert.Single(cases.MaxBy(c => c.Case.OpenedUtc)!.Notes).Text;
        Assert.StartsWith("Asked again: the records do not show what the customer reported — booking DEMO10, passenger DEMO10-1 (Koffer), baggage, journey CC260 2026-11-20", note, StringComparison.Ordinal);
        Assert.EndsWith(". Bag report given, not found on the booking for this journey: LHRCC99999", note, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OnePassengerHandedOverFromFiveConversations_OpensThreeCases_AndTheOthersAreToldOfTheirWaitingCase()
    {
        await using var host = new BotHost();
        var replies = new List<List<string>>();
        for (var i = 0; i < 5; i++)
        {
            var customer = await new DirectLineClient(host.CreateClient()).StartAsync();
            await customer.PostMessageAsync("I was denied boarding, booking DEMO04");
            await customer.PostMessageAsync("Example");
            replies.Add(await customer.BotTextsAsync());
        }

        var open = (await host.Services.GetRequiredService<ICaseStore>().ListOpenAsync(CancellationToken.None)).Where(c => c.BookingReference == "DEMO04").ToList();
        Assert.Equal(3, open.Count);
        var newest = open.MaxBy(c => c.OpenedUtc)!;
        Assert.All(replies.Skip(3), texts => Assert.Contains(texts, t => t.Contains($"Your case {newest.Reference} is still waiting for a person", StringComparison.Ordinal)));
    }
}

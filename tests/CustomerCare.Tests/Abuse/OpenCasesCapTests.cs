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
        Assert.Equal(7, newest.Notes.Count(n => n.Text.StartsWith("Asked again (CustomerAskedForPerson", StringComparison.Ordinal)));
        Assert.Contains(await customer.BotTextsAsync(), t => t.Contains($"Your case {newest.Case.Reference} is still waiting for a person", StringComparison.Ordinal));
    }
}

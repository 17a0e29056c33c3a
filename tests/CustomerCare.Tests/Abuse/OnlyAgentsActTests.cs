using System.Net;
using System.Net.Http.Json;
using CustomerCare.Cases;
using CustomerCare.Tests.Support;

namespace CustomerCare.Tests.Abuse;

/// <summary>
/// Guarantee: only agents act on cases — card actions and agents' commands count only from Teams, on a request with a
/// validated channel token, from the configured tenant and the agents' team and channel; and only the agent who holds
/// a case answers its customer, grants, overrides or ends it. Every refused attempt changes nothing and is logged.
/// </summary>
public sealed class OnlyAgentsActTests : AttackTests
{
    private static object Invoke(string verb, string caseReference) => new
    {
        type = "invoke",
        name = "adaptiveCard/action",
        value = new { action = new { type = "Action.Execute", verb, data = new { @case = caseReference } } },
    };

    [Fact]
    public async Task OnlyAgents_ACustomersOwnCardActionsThroughDirectLine_ChangeNothing()
    {
        var (customer, said) = await Bot.CustomerSaysAsync("en-US", "I was denied boarding, booking DEMO04", "Example");
        var reference = AttackedBot.CaseIn(said);
        Assert.StartsWith("CC-", reference, StringComparison.Ordinal);
        var (_, before) = await customer.GetActivitiesAsync();

        var take = await customer.SendAsync(HttpMethod.Post, $"/v3/directline/conversations/{customer.ConversationId}/activities", Invoke("take", reference));
        var approve = await customer.SendAsync(HttpMethod.Post, $"/v3/directline/conversations/{customer.ConversationId}/activities", Invoke("approve", reference));

        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden), (take.StatusCode, approve.StatusCode));
        Assert.Equal(CaseStatus.Open, (await Bot.Cases.FindHeldAsync(reference, CancellationToken.None))!.Status);
        Assert.Empty(await Bot.GrantsOnAsync("DEMO04"));
        Assert.DoesNotContain(await customer.BotTextsAsync(before), t => t.Contains("joined", StringComparison.Ordinal) || t.Contains("G-", StringComparison.Ordinal));
        Assert.Equal(2, Bot.Host.Logs.Lines.Count(l => l.Message.StartsWith("Agents' action refused (NotAuthenticated): invoke adaptiveCard/action on channel directline", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task OnlyAgents_AnUnsignedTeamsCardActionOnALocalBot_ChangesNothing()
    {
        await using var local = await AttackedBot.StartAsync(configure: host => host.Settings["MicrosoftAppId"] = string.Empty, install: false);
        var (_, said) = await local.CustomerSaysAsync("en-US", "I was denied boarding, booking DEMO04", "Example");
        var reference = AttackedBot.CaseIn(said);

        var response = await local.Http.PostAsJsonAsync("/api/messages", local.Teams.CardAction("ada", "Ada Agent", "take", reference));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(CaseStatus.Open, (await local.Cases.FindHeldAsync(reference, CancellationToken.None))!.Status);
        Assert.Contains(local.Host.Logs.Lines, l => l.Message.StartsWith("Agents' action refused (NotAuthenticated)", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("tenant-2", TeamsAgents.AgentTeam, TeamsAgents.AgentChannel, "OtherTenant")]
    [InlineData(TeamsAgents.Tenant, "19:other-team@thread.tacv2", TeamsAgents.AgentChannel, "OtherTeam")]
    [InlineData(TeamsAgents.Tenant, "19:other-team@thread.tacv2", "19:other-channel@thread.tacv2", "OtherChannel")]
    public async Task OnlyAgents_TeamsActionsFromAnotherTenantTeamOrChannel_ChangeNothing(string tenant, string team, string channel, string denial)
    {
        var (customer, reference) = await Bot.HandedOffAsync("My flight CC400 was delayed, booking DEMO01", "Sample");
        var (_, before) = await customer.GetActivitiesAsync();

        var take = await Bot.Teams.PostAsync(Bot.Http, Bot.Teams.CardAction("mallory", "Mallory", "take", reference, tenant, team, channel));
        Assert.Equal(HttpStatusCode.Forbidden, take.StatusCode);
        Assert.Equal(CaseStatus.Open, (await Bot.Cases.FindHeldAsync(reference, CancellationToken.None))!.Status);

        // Even with the case taken by an agent, commands from outside the agents' channel are ignored.
        var thread = await Bot.TakeAsync(reference);
        foreach (var command in new[] { "grant", "override 500 EUR goodwill", "you will get nothing", "end" })
        {
            Assert.Null(await Bot.AgentWritesAsync(thread, "ada", "Ada Agent", command, tenant, channel, team));
        }

        Assert.Empty(await Bot.GrantsOnAsync("DEMO01"));
        var held = (await Bot.Cases.FindHeldAsync(reference, CancellationToken.None))!;
        Assert.Equal((CaseStatus.Taken, "ada"), (held.Status, held.AgentId));
        Assert.DoesNotContain(await customer.BotTextsAsync(before), t => t.Contains("nothing", StringComparison.Ordinal) || t.Contains("G-", StringComparison.Ordinal));
        Assert.True(Bot.Host.Logs.Lines.Count(l => l.Message.StartsWith($"Agents' action refused ({denial})", StringComparison.Ordinal)) >= 5);
    }

    [Fact]
    public async Task OnlyTheHolder_AnotherAgentCannotAnswerGrantOverrideOrEnd_UntilTheyTakeTheCaseOver()
    {
        var (customer, reference) = await Bot.HandedOffAsync("My flight CC400 was delayed, booking DEMO01", "Sample");
        var thread = await Bot.TakeAsync(reference);
        var (_, before) = await customer.GetActivitiesAsync();

        foreach (var command in new[] { "Hi, Bob here", "grant", "override 100 EUR goodwill", "end" })
        {
            Assert.StartsWith($"Ada Agent holds case {reference}; only they can", await Bot.AgentWritesAsync(thread, "bob", "Bob Agent", command), StringComparison.Ordinal);
        }
        Assert.Empty(await customer.BotTextsAsync(before));
        Assert.Empty(await Bot.GrantsOnAsync("DEMO01"));
        Assert.Equal("ada", (await Bot.Cases.FindHeldAsync(reference, CancellationToken.None))!.AgentId);

        Assert.Equal($"Bob Agent took the case over from Ada Agent.", await Bot.AgentWritesAsync(thread, "bob", "Bob Agent", "take over"));
        Assert.StartsWith($"Bob Agent holds case {reference}", await Bot.AgentWritesAsync(thread, "ada", "Ada Agent", "Hi again"), StringComparison.Ordinal);
        Assert.StartsWith("Granted 649.00 EUR (reference G-", await Bot.AgentWritesAsync(thread, "bob", "Bob Agent", "grant"), StringComparison.Ordinal);

        var history = Assert.Single(await Bot.Cases.ForConversationAsync("directline", customer.ConversationId!, CancellationToken.None));
        var handover = Assert.Single(history.Handovers);
        Assert.Equal(("ada", "bob"), (handover.FromAgentId, handover.ToAgentId));
        var grant = Assert.Single(await Bot.GrantsOnAsync("DEMO01"));
        Assert.Equal(("bob", "Bob Agent"), (grant.GrantedBy.Id, grant.GrantedBy.Name));
        Assert.Contains(await customer.BotTextsAsync(before), t => t.StartsWith("Bob Agent from our care team has taken over", StringComparison.Ordinal));
    }
}

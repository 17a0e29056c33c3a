using System.Net;
using System.Net.Http.Json;
using CustomerCare.Cases;
using CustomerCare.Tests.Support;

namespace CustomerCare.Tests.Abuse;

/// <summary>
/// Guarantee: nobody but an agent in the agents' Teams channel acts on a case. Teams fields forged over Direct Line,
/// unsigned or look-alike Teams requests, anonymous traffic on a bot without an app id, another case's agent, a namesake
/// and an agent without an Entra object id all change nothing.
/// </summary>
public sealed class ForgedAgentsTests : AttackTests
{
    [Fact]
    public async Task OnlyAgents_ACustomerTypingAgentsCommandsOrForgingTeamsFieldsThroughDirectLine_ChangesNothing()
    {
        var (customer, reference) = await Bot.HandedOffAsync("I was denied boarding, booking DEMO04", "Example");
        var thread = await Bot.TakeAsync(reference);
        var path = $"/v3/directline/conversations/{customer.ConversationId}/activities";

        foreach (var text in new[] { "grant", "override 5000 USD wedding", "take over", "end", "approve" })
        {
            await customer.PostMessageAsync(text);
        }
        // A message dressed as a Teams agent's in the case thread.
        var forged = await customer.SendAsync(HttpMethod.Post, path, new
        {
            type = "message", text = "grant", channelId = "msteams", serviceUrl = Bot.Teams.Channel.ServiceUrl,
            from = new { id = "29:ada", name = "Ada Agent", aadObjectId = "ada", role = "user" },
            conversation = new { id = thread, isGroup = true, conversationType = "channel", tenantId = TeamsAgents.Tenant },
            channelData = new { tenant = new { id = TeamsAgents.Tenant }, team = new { id = TeamsAgents.AgentTeam }, channel = new { id = TeamsAgents.AgentChannel } },
        });
        // An invoke with the same forgery.
        var invoke = await customer.SendAsync(HttpMethod.Post, path, new
        {
            type = "invoke", name = "adaptiveCard/action", channelId = "msteams",
            value = new { action = new { type = "Action.Execute", verb = "approve", data = new { @case = reference } } },
            from = new { id = "29:ada", name = "Ada Agent", aadObjectId = "ada" },
            conversation = new { id = TeamsAgents.AgentChannel + ";messageid=1" },
            channelData = new { tenant = new { id = TeamsAgents.Tenant }, channel = new { id = TeamsAgents.AgentChannel } },
        });
        // A message carrying card-action data (Action.Submit style).
        var submit = await customer.SendAsync(HttpMethod.Post, path, new
        {
            type = "message", value = new { action = new { verb = "approve", data = new { @case = reference } }, verb = "approve", @case = reference },
        });

        Assert.Equal(HttpStatusCode.OK, forged.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, invoke.StatusCode);
        Assert.Equal(HttpStatusCode.OK, submit.StatusCode);
        Assert.Empty(await Bot.GrantsOnAsync("DEMO04"));
        Assert.Empty(await Bot.Approvals.ListAsync(10, CancellationToken.None));
        var held = (await Bot.Cases.FindHeldAsync(reference, CancellationToken.None))!;
        Assert.Equal((CaseStatus.Taken, "ada"), (held.Status, held.AgentId));
    }

    [Fact]
    public async Task OnlyAgents_UnsignedOrLookalikeTeamsRequestsOnApiMessages_ChangeNothing()
    {
        var (_, reference) = await Bot.HandedOffAsync("I was denied boarding, booking DEMO04", "Example");
        var thread = await Bot.TakeAsync(reference);

        // No token.
        var unsigned = await Bot.Http.PostAsJsonAsync("/api/messages", Bot.Teams.InThread("ada", "Ada Agent", "grant", thread));
        // Signed, but as the emulator channel with Teams channelData.
        var emulatorThread = await Bot.Teams.PostAsync(Bot.Http, Relabel(Bot.Teams.InThread("ada", "Ada Agent", "grant", thread), "emulator"));
        var emulatorInvoke = await Bot.Teams.PostAsync(Bot.Http, Relabel(Bot.Teams.CardAction("ada", "Ada Agent", "approve", reference), "emulator"));
        // Signed Teams, but a conversation id that only starts like the agents' channel, and no channel in channelData.
        var prefix = await Bot.Teams.PostAsync(Bot.Http, new
        {
            type = "invoke", name = "adaptiveCard/action", channelId = "msteams", serviceUrl = Bot.Teams.Channel.ServiceUrl,
            value = new { action = new { type = "Action.Execute", verb = "takeover", data = new { @case = reference } } },
            from = new { id = "29:mallory", name = "Mallory", aadObjectId = "mallory" }, recipient = new { id = "28:" + TeamsAgents.AppId },
            conversation = new { id = TeamsAgents.AgentChannel + "x;messageid=1", tenantId = TeamsAgents.Tenant },
            channelData = new { tenant = new { id = TeamsAgents.Tenant } },
        });
        // Signed Teams, personal chat (no channel), conversation id = the case thread's channel part with a suffix.
        var personal = await Bot.Teams.PostAsync(Bot.Http, new
        {
            type = "invoke", name = "adaptiveCard/action", channelId = "msteams", serviceUrl = Bot.Teams.Channel.ServiceUrl,
            value = new { action = new { type = "Action.Execute", verb = "takeover", data = new { @case = reference } } },
            from = new { id = "29:mallory", name = "Mallory", aadObjectId = "mallory" }, recipient = new { id = "28:" + TeamsAgents.AppId },
            conversation = new { id = "a:1" + TeamsAgents.AgentChannel, conversationType = "personal", tenantId = TeamsAgents.Tenant },
            channelData = new { tenant = new { id = TeamsAgents.Tenant } },
        });
        // Channel id differing only in case.
        var upper = await Bot.Teams.PostAsync(Bot.Http, Bot.Teams.CardAction("mallory", "Mallory", "takeover", reference, channel: TeamsAgents.AgentChannel.ToUpperInvariant()));

        Assert.Equal(HttpStatusCode.Unauthorized, unsigned.StatusCode);
        Assert.Equal(HttpStatusCode.OK, emulatorThread.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, emulatorInvoke.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, prefix.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, personal.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, upper.StatusCode);
        Assert.Empty(await Bot.GrantsOnAsync("DEMO04"));
        Assert.Empty(await Bot.Approvals.ListAsync(10, CancellationToken.None));
        Assert.Equal("ada", (await Bot.Cases.FindHeldAsync(reference, CancellationToken.None))!.AgentId);
    }

    private static System.Text.Json.Nodes.JsonNode Relabel(object activity, string channelId)
    {
        var node = System.Text.Json.Nodes.JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(activity))!;
        node["channelId"] = channelId;
        return node;
    }

    [Fact]
    public async Task OnlyAgents_AnonymousTeamsTrafficOnALocalBot_ChangesNothing()
    {
        await using var local = await AttackedBot.StartAsync(configure: host => host.Settings["MicrosoftAppId"] = string.Empty, install: false);
        var (_, reference) = await local.HandedOffAsync("I was denied boarding, booking DEMO04", "Example");

        var install = await local.Http.PostAsJsonAsync("/api/messages", local.Teams.InChannel("conversationUpdate", "mallory", "Mallory"));
        var take = await local.Http.PostAsJsonAsync("/api/messages", local.Teams.CardAction("mallory", "Mallory", "take", reference));
        var approve = await local.Http.PostAsJsonAsync("/api/messages", local.Teams.CardAction("mallory", "Mallory", "approve", reference));

        Assert.Equal(HttpStatusCode.OK, install.StatusCode);
        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden), (take.StatusCode, approve.StatusCode));
        Assert.Equal(CaseStatus.Open, (await local.Cases.FindHeldAsync(reference, CancellationToken.None))!.Status);
        Assert.Empty(await local.GrantsOnAsync("DEMO04"));
    }

    [Fact]
    public async Task OnlyTheHolder_AnotherCasesAgent_ASameNamedAgent_OrOneWithoutAnEntraId_CannotActOnTheCase()
    {
        var (_, case1) = await Bot.HandedOffAsync("My flight CC400 was delayed, booking DEMO01", "Sample");
        var thread1 = await Bot.TakeAsync(case1);
        var (_, case2) = await Bot.HandedOffAsync("I was denied boarding, booking DEMO04", "Example");
        var thread2 = await Bot.TakeAsync(case2, "bob", "Bob Agent");

        // Ada (holder of case 1) writes grant in Bob's thread.
        var inOtherThread = await Bot.AgentWritesAsync(thread2, "ada", "Ada Agent", "grant");
        // Someone named "Ada Agent" with another id.
        var sameName = await Bot.AgentWritesAsync(thread1, "mallory", "Ada Agent", "grant");
        // Ada without aadObjectId (id falls back to from.id).
        var id = Guid.NewGuid().ToString("N");
        await Bot.Teams.SendAsync(Bot.Http, new
        {
            type = "message", id, text = "override 900 EUR friendly", channelId = "msteams", serviceUrl = Bot.Teams.Channel.ServiceUrl,
            from = new { id = "29:ada", name = "Ada Agent" }, recipient = new { id = "28:" + TeamsAgents.AppId },
            conversation = new { id = thread1, isGroup = true, conversationType = "channel" },
            channelData = new { tenant = new { id = TeamsAgents.Tenant }, channel = new { id = TeamsAgents.AgentChannel } },
        });
        var noAad = Bot.Teams.Channel.Calls.LastOrDefault(c => c.Path.EndsWith("/activities/" + id, StringComparison.Ordinal)).Body?["text"]?.GetValue<string>();
        // Card approve of case 2 by Ada.
        var card = await Bot.Teams.PostAsync(Bot.Http, Bot.Teams.CardAction("ada", "Ada Agent", "approve", case2));

        Assert.StartsWith("Bob Agent holds case", inOtherThread, StringComparison.Ordinal);
        Assert.StartsWith("Ada Agent holds case", sameName, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, card.StatusCode);
        Assert.Empty(await Bot.GrantsOnAsync("DEMO01", "DEMO04"));
        Assert.Empty(await Bot.Approvals.ListAsync(10, CancellationToken.None));
        Assert.Null(noAad);
    }

    /// <summary>
    /// An agent's Teams activity without an Entra object id (aadObjectId) is not taken as an agent's: otherwise a request
    /// recorded under another id could be approved by the same person signing in with their object id.
    /// </summary>
    [Fact]
    public async Task NobodyApprovesTheirOwnRequest_AnAgentWithoutAnEntraObjectId_CannotAskInTheFirstPlace()
    {
        var (_, reference) = await Bot.HandedOffAsync("I was denied boarding, booking DEMO04", "Example");
        // Ada takes and asks without aadObjectId in her activities.
        var take = await Bot.Teams.PostAsync(Bot.Http, new
        {
            type = "invoke", name = "adaptiveCard/action", channelId = "msteams", serviceUrl = Bot.Teams.Channel.ServiceUrl,
            value = new { action = new { type = "Action.Execute", verb = "take", data = new { @case = reference } } },
            from = new { id = "29:ada", name = "Ada Agent" }, recipient = new { id = "28:" + TeamsAgents.AppId },
            conversation = new { id = TeamsAgents.AgentChannel + ";messageid=1", tenantId = TeamsAgents.Tenant },
            channelData = new { tenant = new { id = TeamsAgents.Tenant }, team = new { id = TeamsAgents.AgentTeam }, channel = new { id = TeamsAgents.AgentChannel } },
        });
        Assert.Equal(HttpStatusCode.Forbidden, take.StatusCode);
        Assert.Equal(CaseStatus.Open, (await Bot.Cases.FindHeldAsync(reference, CancellationToken.None))!.Status);
        var thread = await Bot.TakeAsync(reference);
        await Bot.Teams.SendAsync(Bot.Http, new
        {
            type = "message", text = "grant", channelId = "msteams", serviceUrl = Bot.Teams.Channel.ServiceUrl,
            from = new { id = "29:ada", name = "Ada Agent" }, recipient = new { id = "28:" + TeamsAgents.AppId },
            conversation = new { id = thread, isGroup = true, conversationType = "channel" },
            channelData = new { tenant = new { id = TeamsAgents.Tenant }, channel = new { id = TeamsAgents.AgentChannel } },
        });
        Assert.Empty(await Bot.Approvals.ListAsync(10, CancellationToken.None));
        Assert.Contains(Bot.Host.Logs.Lines, l => l.Message.StartsWith("Agents' action refused (NoAgentId)", StringComparison.Ordinal));
        Assert.Empty(await Bot.GrantsOnAsync("DEMO04"));
    }
}

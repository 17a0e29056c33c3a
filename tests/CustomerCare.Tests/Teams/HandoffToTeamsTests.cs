using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CustomerCare.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerCare.Tests.Teams;

/// <summary>
/// A Teams channel simulator: a local Connector that records calls, and channel activities signed with a test key
/// published through local OpenID metadata. A customer asks for a person; the card reaches the agents' channel;
/// two agents click Take at once and exactly one gets the case.
/// </summary>
public sealed class HandoffToTeamsTests : IAsyncLifetime
{
    private const string AgentChannel = TeamsAgents.AgentChannel;
    private TeamsAgents? _agents;
    private FakeChannel? _teams;
    private BotHost? _host;

    public async Task InitializeAsync()
    {
        _agents = await TeamsAgents.StartAsync();
        _teams = _agents.Channel;
        _host = new BotHost();
        _agents.Configure(_host);
    }

    public async Task DisposeAsync()
    {
        _host?.Dispose();
        await _agents!.DisposeAsync();
    }

    private async Task<HttpResponseMessage> FromTeamsAsync(object activity)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = JsonContent.Create(activity) };
        request.Headers.Authorization = new("Bearer", _agents!.Authority.Token(TeamsAgents.AppId, _teams!.ServiceUrl));
        return await _host!.CreateClient().SendAsync(request);
    }

    private object Agent(string type, string id, string name, object? value = null, string? invokeName = null) => _agents!.InChannel(type, id, name, value, invokeName);

    [Fact]
    public async Task CustomerAsksForAPerson_CardReachesTheAgentsChannel_AndTwoAgentsTakingAtOnce_OneWins()
    {
        Assert.Equal(HttpStatusCode.OK, (await FromTeamsAsync(Agent("conversationUpdate", "ada", "Ada Agent"))).StatusCode);

        var customer = await new DirectLineClient(_host!.CreateClient()).StartAsync();
        await customer.PostMessageAsync("My flight CC400 was delayed, booking DEMO01");
        await customer.PostMessageAsync("Sample");
        await customer.PostMessageAsync("I want to talk to a person");

        var post = Assert.Single(_teams!.Calls, c => c.Method == "POST" && c.Path == "/v3/conversations");
        Assert.Equal(AgentChannel, post.Body!["channelData"]!["channel"]!["id"]!.GetValue<string>());
        var card = post.Body["activity"]!["attachments"]![0]!["content"]!;
        Assert.Equal("1.5", card["version"]!.GetValue<string>());
        var take = card["actions"]![0]!;
        Assert.Equal(("Action.Execute", "take"), (take["type"]!.GetValue<string>(), take["verb"]!.GetValue<string>()));
        var reference = take["data"]!["case"]!.GetValue<string>();
        Assert.Contains("DEMO01", card.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains("\"title\":\"Tier\",\"value\":\"Basic\"", card.ToJsonString(), StringComparison.Ordinal);

        var invoke = new { action = new { type = "Action.Execute", verb = "take", data = new { @case = reference } }, trigger = "manual" };
        var responses = await Task.WhenAll(
            FromTeamsAsync(Agent("invoke", "ada", "Ada Agent", invoke, invokeName: "adaptiveCard/action")),
            FromTeamsAsync(Agent("invoke", "bob", "Bob Agent", invoke, invokeName: "adaptiveCard/action")));

        var bodies = new List<JsonNode>();
        foreach (var response in responses)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            bodies.Add(JsonNode.Parse(await response.Content.ReadAsStringAsync())!);
        }
        Assert.All(bodies, b => Assert.Equal((200, "application/vnd.microsoft.card.adaptive"), (b["statusCode"]!.GetValue<int>(), b["type"]!.GetValue<string>())));
        var cards = bodies.Select(b => b["value"]!.ToJsonString()).ToList();
        var winner = cards.Any(c => c.Contains("Taken by Ada Agent", StringComparison.Ordinal)) ? "Ada Agent" : "Bob Agent";
        Assert.All(cards, c => Assert.Contains("Taken by " + winner, c, StringComparison.Ordinal));
        Assert.Single(cards, c => c.Contains(winner + " already has this case.", StringComparison.Ordinal));
        Assert.All(bodies, b => Assert.DoesNotContain("\"verb\":\"take\"", b["value"]!["actions"]!.ToJsonString(), StringComparison.Ordinal));

        var winnerId = winner.StartsWith("Ada", StringComparison.Ordinal) ? "ada" : "bob";
        var update = Assert.Single(_teams.Calls, c => c.Method == "PUT");
        Assert.Equal("/v3/conversations/channel-1/activities/root-channel-1", update.Path);
        Assert.Contains("Taken by " + winner, update.Body!.ToJsonString(), StringComparison.Ordinal);
        var retry = JsonNode.Parse(await (await FromTeamsAsync(Agent("invoke", winnerId, winner, invoke, invokeName: "adaptiveCard/action"))).Content.ReadAsStringAsync())!;
        Assert.DoesNotContain("already has this case", retry["value"]!.ToJsonString(), StringComparison.Ordinal);

        // The customer is told a person joined (once, despite the retry), and the relay runs both ways.
        var joined = (await customer.BotTextsAsync()).Where(t => t.Contains("has joined the conversation", StringComparison.Ordinal)).ToList();
        Assert.Equal([$"{winner} from our care team has joined the conversation and has everything we discussed."], joined);

        const string thread = "channel-1";
        var (_, mark) = await customer.GetActivitiesAsync();
        await customer.PostMessageAsync("Is my hotel covered?");
        var relayed = Assert.Single(_teams.Calls, c => c.Path == $"/v3/conversations/{thread}/activities");
        Assert.Equal("Customer: Is my hotel covered?", relayed.Body!["text"]!.GetValue<string>());
        Assert.Empty(await customer.BotTextsAsync(mark));

        var inThread = new
        {
            type = "message", id = "r1", text = "Yes, up to 150 EUR per night.", channelId = "msteams", serviceUrl = _teams.ServiceUrl,
            from = new { id = "29:" + winnerId, name = winner, aadObjectId = winnerId }, recipient = new { id = "28:" + TeamsAgents.AppId },
            conversation = new { id = thread, isGroup = true }, channelData = new { tenant = new { id = "tenant-1" }, channel = new { id = AgentChannel } },
        };
        var (_, beforeAgent) = await customer.GetActivitiesAsync();
        await FromTeamsAsync(inThread);
        var fromAgent = (await customer.GetActivitiesAsync(beforeAgent)).Activities.Single()!;
        Assert.Equal($"{winner}: Yes, up to 150 EUR per night.", fromAgent["text"]!.GetValue<string>());
        Assert.Equal(winner, fromAgent["from"]!["name"]!.GetValue<string>());

        // The agent grants the policy's proposal through the same ledger; another agent's second grant is refused.
        await FromTeamsAsync(new { inThread.type, id = "g1", text = "grant", inThread.channelId, inThread.serviceUrl, inThread.from, inThread.recipient, inThread.conversation, inThread.channelData });
        var granted = _teams.Calls.Last(c => c.Path.StartsWith($"/v3/conversations/{thread}/activities/g1", StringComparison.Ordinal)).Body!["text"]!.GetValue<string>();
        Assert.StartsWith("Granted 649.00 EUR (reference G-", granted, StringComparison.Ordinal);
        var other = winnerId == "ada" ? ("bob", "Bob Agent") : ("ada", "Ada Agent");
        await FromTeamsAsync(new { inThread.type, id = "g2", text = "grant", inThread.channelId, inThread.serviceUrl, from = new { id = "29:" + other.Item1, name = other.Item2, aadObjectId = other.Item1 }, inThread.recipient, inThread.conversation, inThread.channelData });
        var notHolder = _teams.Calls.Last(c => c.Path.StartsWith($"/v3/conversations/{thread}/activities/g2", StringComparison.Ordinal)).Body!["text"]!.GetValue<string>();
        Assert.StartsWith($"{winner} holds case CC-", notHolder, StringComparison.Ordinal);
        await FromTeamsAsync(new { inThread.type, id = "g3", text = "grant", inThread.channelId, inThread.serviceUrl, inThread.from, inThread.recipient, inThread.conversation, inThread.channelData });
        var refused = _teams.Calls.Last(c => c.Path.StartsWith($"/v3/conversations/{thread}/activities/g3", StringComparison.Ordinal)).Body!["text"]!.GetValue<string>();
        Assert.Contains($"Refused: already granted 649.00 EUR", refused, StringComparison.Ordinal);
        Assert.Contains($"by {winner}", refused, StringComparison.Ordinal);

        await FromTeamsAsync(new { inThread.type, id = "n1", text = "note customer prefers e-mail", inThread.channelId, inThread.serviceUrl, inThread.from, inThread.recipient, inThread.conversation, inThread.channelData });
        Assert.StartsWith("Note added to CC-", _teams.Calls.Last(c => c.Path.EndsWith("/activities/n1", StringComparison.Ordinal)).Body!["text"]!.GetValue<string>(), StringComparison.Ordinal);
        await FromTeamsAsync(new { inThread.type, id = "o1", text = "override 50 EUR", inThread.channelId, inThread.serviceUrl, inThread.from, inThread.recipient, inThread.conversation, inThread.channelData });
        Assert.StartsWith("Refused: an override needs a reason", _teams.Calls.Last(c => c.Path.EndsWith("/activities/o1", StringComparison.Ordinal)).Body!["text"]!.GetValue<string>(), StringComparison.Ordinal);

        var (_, beforeEnd) = await customer.GetActivitiesAsync();
        await FromTeamsAsync(new { inThread.type, id = "r2", text = "end", inThread.channelId, inThread.serviceUrl, inThread.from, inThread.recipient, inThread.conversation, inThread.channelData });
        var left = (await customer.GetActivitiesAsync(beforeEnd)).Activities.Single()!;
        Assert.Contains("has left the conversation. How would you rate", left["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(5, left["suggestedActions"]!["actions"]!.AsArray().Count);

        var (_, beforeRating) = await customer.GetActivitiesAsync();
        await customer.PostMessageAsync("5");
        Assert.Contains("Thank you for your rating of 5", string.Join("\n", await customer.BotTextsAsync(beforeRating)), StringComparison.Ordinal);
        await customer.PostMessageAsync("help");
        Assert.Contains("I can: report a disrupted journey", string.Join("\n", await customer.BotTextsAsync(beforeRating)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ApproveProposal_IsForTheHolder_GrantsOnce_AndASecondApprovalIsRefusedWithWhatWasGranted()
    {
        await FromTeamsAsync(Agent("conversationUpdate", "ada", "Ada Agent"));
        var customer = await new DirectLineClient(_host!.CreateClient()).StartAsync();
        await customer.PostMessageAsync("My flight was delayed, booking DEMO05");
        await customer.PostMessageAsync("Probe");
        await customer.PostMessageAsync("talk to a human");
        var card = Assert.Single(_teams!.Calls, c => c.Path == "/v3/conversations").Body!["activity"]!["attachments"]![0]!["content"]!;
        Assert.Contains("EU261 Art. 6, 9", card.ToJsonString(), StringComparison.Ordinal);
        var reference = card["actions"]![0]!["data"]!["case"]!.GetValue<string>();
        var approve = new { action = new { type = "Action.Execute", verb = "approve", data = new { @case = reference } }, trigger = "manual" };
        var take = new { action = new { type = "Action.Execute", verb = "take", data = new { @case = reference } }, trigger = "manual" };
        async Task<string> Card(string id, string name, object action)
            => JsonNode.Parse(await (await FromTeamsAsync(Agent("invoke", id, name, action, invokeName: "adaptiveCard/action"))).Content.ReadAsStringAsync())!["value"]!.ToJsonString();

        Assert.Contains("Take the case before deciding it.", await Card("ada", "Ada Agent", approve), StringComparison.Ordinal);
        await Card("ada", "Ada Agent", take);
        Assert.Contains("Only Ada Agent can decide this case", await Card("bob", "Bob Agent", approve), StringComparison.Ordinal);
        var first = await Card("ada", "Ada Agent", approve);
        var second = await Card("ada", "Ada Agent", approve);

        Assert.Contains("Ada Agent: Granted 37.00 EUR (reference G-", first, StringComparison.Ordinal);
        Assert.Contains("Ada Agent: Refused: already granted 37.00 EUR", second, StringComparison.Ordinal);
        Assert.Contains("by Ada Agent", second, StringComparison.Ordinal);
        var granted = Assert.Single(await _host.Services.GetRequiredService<CustomerCare.Ledger.ICompensationLedger>().ForBookingAsync("DEMO05", CancellationToken.None));
        // The card shows where the grant's money is, and follows finance's report.
        Assert.Contains($"{granted.Reference}: 12.00 EUR, 25.00 EUR on ", second, StringComparison.Ordinal);
        Assert.Contains("; payout waiting", second, StringComparison.Ordinal);
        await _host.Services.GetRequiredService<CustomerCare.Payouts.IPayoutStore>().ReportAsync(granted.Reference, new CustomerCare.Payouts.FinanceReport(false, "account closed", null), DateTime.UtcNow, CancellationToken.None);
        Assert.Contains("; payout rejected by finance: account closed", await Card("ada", "Ada Agent", approve), StringComparison.Ordinal);
        // A bank account shows masked on the card, which goes to a whole Teams channel.
        await _host.Services.GetRequiredService<CustomerCare.Payouts.IPayoutStore>().ChangeAccountAsync(granted.Reference,
            new CustomerCare.Payouts.BankAccount("DE89370400440532013000", "Kim Probe"), DateTime.UtcNow, CancellationToken.None);
        var moved = System.Text.RegularExpressions.Regex.Unescape(await Card("ada", "Ada Agent", approve));
        Assert.Contains("; payout waiting by bank transfer to DE89 •••• 3000 (Kim Probe)", moved, StringComparison.Ordinal);
        Assert.DoesNotContain("0532", moved, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NobodyTakesTheCase_TheCustomerIsToldHonestlyAfterTheWait_AndCanLeaveAnEmailForACallback()
    {
        await FromTeamsAsync(Agent("conversationUpdate", "ada", "Ada Agent"));
        var customer = await new DirectLineClient(_host!.CreateClient()).StartAsync();
        var (_, start) = await customer.GetActivitiesAsync();
        await customer.PostMessageAsync("talk to a human");
        Assert.Contains("Someone will join this chat shortly", string.Join("\n", await customer.BotTextsAsync(start)), StringComparison.Ordinal);

        var watcher = (CustomerCare.Bot.Teams.AgentWaitWatcher)Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService(_host.Services, typeof(CustomerCare.Bot.Teams.AgentWaitWatcher));
        var (_, beforeWait) = await customer.GetActivitiesAsync();
        await watcher.TellWaitingCustomersAsync(CancellationToken.None);
        Assert.Empty(await customer.BotTextsAsync(beforeWait));
        _host.Clock.Advance(TimeSpan.FromMinutes(6));
        await Task.WhenAll(watcher.TellWaitingCustomersAsync(CancellationToken.None), watcher.TellWaitingCustomersAsync(CancellationToken.None));
        for (var i = 0; i < 40 && (await customer.BotTextsAsync(beforeWait)).Count == 0; i++)
        {
            await Task.Delay(50);
        }
        await Task.Delay(200);
        var told = Assert.Single(await customer.BotTextsAsync(beforeWait));
        Assert.Contains("no one from our care team is free right now", told, StringComparison.Ordinal);

        var (_, beforeEmail) = await customer.GetActivitiesAsync();
        await customer.PostMessageAsync("please write to me at kim.probe@example.com");
        Assert.Contains("we'll write to kim.probe@example.com about case CC-", string.Join("\n", await customer.BotTextsAsync(beforeEmail)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownCardAction_GetsTheErrorShapeTeamsExpects()
    {
        var response = await FromTeamsAsync(Agent("invoke", "ada", "Ada Agent", new { action = new { type = "Action.Execute", verb = "launch", data = new { } } }, invokeName: "adaptiveCard/action"));
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal((400, "application/vnd.microsoft.error", "UnknownAction"), (body["statusCode"]!.GetValue<int>(), body["type"]!.GetValue<string>(), body["value"]!["code"]!.GetValue<string>()));
    }

    [Fact]
    public async Task MentionOfTheBot_IsStrippedBeforeTheBotReadsTheMessage()
    {
        var message = new
        {
            type = "message", id = "m1", text = "<at>CustomerCare</at>\r\n help ", channelId = "msteams", serviceUrl = _teams!.ServiceUrl,
            from = new { id = "29:ada", name = "Ada" }, recipient = new { id = "28:" + TeamsAgents.AppId, name = "CustomerCare" },
            conversation = new { id = AgentChannel + ";messageid=2", isGroup = true },
            entities = new[] { new { type = "mention", text = "<at>CustomerCare</at>", mentioned = new { id = "28:" + TeamsAgents.AppId, name = "CustomerCare" } } },
            channelData = new { tenant = new { id = "tenant-1" }, channel = new { id = AgentChannel } },
        };

        await FromTeamsAsync(message);

        var reply = _teams.Calls.First(c => c.Path.Contains("messageid=2", StringComparison.Ordinal));
        Assert.Contains("I can: report a disrupted journey", reply.Body!["text"]!.GetValue<string>(), StringComparison.Ordinal);
    }
}

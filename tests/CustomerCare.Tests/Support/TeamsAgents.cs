using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace CustomerCare.Tests.Support;

/// <summary>
/// Agents in a simulated Teams: a local Connector that records what the bot sends, and channel activities signed
/// by a test key. Plays the whole hand-off story for tests that need a conversation with agent turns and a grant.
/// </summary>
public sealed class TeamsAgents : IAsyncDisposable
{
    public const string AppId = "11111111-2222-3333-4444-555555555555";
    public const string AgentChannel = "19:agents@thread.tacv2";
    public const string Thread = "channel-1";
    public const string Tenant = "tenant-1";
    public const string AgentTeam = "19:team@thread.tacv2";

    private TeamsAgents(TestSigningAuthority authority, FakeChannel channel)
    {
        Authority = authority;
        Channel = channel;
    }

    public TestSigningAuthority Authority { get; }

    public FakeChannel Channel { get; }

    public static async Task<TeamsAgents> StartAsync() => new(await TestSigningAuthority.StartAsync(), await FakeChannel.StartAsync());

    /// <summary>The bot trusts the test authority and posts hand-offs to the agents' channel.</summary>
    public void Configure(BotHost host)
    {
        host.Settings["MicrosoftAppId"] = AppId;
        host.Settings["ChannelAuth:OpenIdMetadataUrl"] = Authority.MetadataUrl;
        host.Settings["ChannelAuth:RequireHttpsMetadata"] = "false";
        host.Settings["Teams:AgentChannelId"] = AgentChannel;
        host.Settings["Teams:TenantId"] = Tenant;
    }

    public async Task<HttpResponseMessage> SendAsync(HttpClient bot, object activity)
    {
        var response = await PostAsync(bot, activity);
        response.EnsureSuccessStatusCode();
        return response;
    }

    /// <summary>Posts a signed Teams activity and returns whatever the bot answered.</summary>
    public async Task<HttpResponseMessage> PostAsync(HttpClient bot, object activity)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = JsonContent.Create(activity) };
        request.Headers.Authorization = new("Bearer", Authority.Token(AppId, Channel.ServiceUrl));
        return await bot.SendAsync(request);
    }

    /// <summary>An activity from an agent in the agents' channel (install events and card invokes).</summary>
    public object InChannel(string type, string id, string name, object? value = null, string? invokeName = null) => new
    {
        type, id = Guid.NewGuid().ToString("N"), name = invokeName, value, channelId = "msteams", serviceUrl = Channel.ServiceUrl,
        from = new { id = "29:" + id, name, aadObjectId = id }, recipient = new { id = "28:" + AppId, name = "CustomerCare" },
        conversation = new { id = AgentChannel + ";messageid=1", isGroup = true, conversationType = "channel", tenantId = "tenant-1" },
        channelData = new { tenant = new { id = "tenant-1" }, team = new { id = "19:team@thread.tacv2", name = "Care" }, channel = new { id = AgentChannel, name = "Agents" } },
    };

    /// <summary>A message an agent writes in the case's thread (from another tenant, team or channel, when given).</summary>
    public object InThread(string id, string name, string text, string thread = Thread, string tenant = Tenant, string channel = AgentChannel, string? team = null, string? activityId = null) => new
    {
        type = "message", id = activityId ?? Guid.NewGuid().ToString("N"), text, channelId = "msteams", serviceUrl = Channel.ServiceUrl,
        from = new { id = "29:" + id, name, aadObjectId = id }, recipient = new { id = "28:" + AppId },
        conversation = new { id = thread, isGroup = true, conversationType = "channel" },
        channelData = team is null ? (object)new { tenant = new { id = tenant }, channel = new { id = channel } } : new { tenant = new { id = tenant }, team = new { id = team }, channel = new { id = channel } },
    };

    /// <summary>A card action (Action.Execute) on a case's card, from an agent in a tenant, team and channel.</summary>
    public object CardAction(string id, string name, string verb, string caseReference, string tenant = Tenant, string team = AgentTeam, string channel = AgentChannel) => new
    {
        type = "invoke", id = Guid.NewGuid().ToString("N"), name = "adaptiveCard/action", channelId = "msteams", serviceUrl = Channel.ServiceUrl,
        value = new { action = new { type = "Action.Execute", verb, data = new { @case = caseReference } }, trigger = "manual" },
        from = new { id = "29:" + id, name, aadObjectId = id }, recipient = new { id = "28:" + AppId, name = "CustomerCare" },
        conversation = new { id = channel + ";messageid=1", isGroup = true, conversationType = "channel", tenantId = tenant },
        channelData = new { tenant = new { id = tenant }, team = new { id = team, name = "Care" }, channel = new { id = channel, name = "Agents" } },
    };

    /// <summary>
    /// A customer reports the delay of CC400 on DEMO01 and asks for a person; Ada takes the case, answers, grants the
    /// proposal; Bob, who does not hold the case, is refused; Ada's second grant is refused by the ledger; Ada ends and
    /// the customer rates 5. Returns the customer's Direct Line client.
    /// </summary>
    /// <param name="pause">Called between steps (a test advances its clock, so every step has its own time).</param>
    public async Task<DirectLineClient> PlayHandoffAsync(HttpClient bot, Action? pause = null)
    {
        pause ??= () => { };
        await SendAsync(bot, InChannel("conversationUpdate", "ada", "Ada Agent"));
        var customer = await new DirectLineClient(bot).StartAsync();
        pause();
        await customer.PostMessageAsync("My flight CC400 was delayed, booking DEMO01");
        pause();
        await customer.PostMessageAsync("Sample");
        pause();
        await customer.PostMessageAsync("I want to talk to a person");
        var card = Channel.Calls.Single(c => c.Method == "POST" && c.Path == "/v3/conversations").Body!["activity"]!["attachments"]![0]!["content"]!;
        var reference = card["actions"]![0]!["data"]!["case"]!.GetValue<string>();
        var take = new { action = new { type = "Action.Execute", verb = "take", data = new { @case = reference } }, trigger = "manual" };
        pause();
        await SendAsync(bot, InChannel("invoke", "ada", "Ada Agent", take, "adaptiveCard/action"));
        pause();
        await customer.PostMessageAsync("Is my hotel covered?");
        pause();
        await SendAsync(bot, InThread("ada", "Ada Agent", "Yes, up to 150 EUR per night."));
        pause();
        await SendAsync(bot, InThread("ada", "Ada Agent", "grant"));
        pause();
        await SendAsync(bot, InThread("bob", "Bob Agent", "grant"));
        pause();
        await SendAsync(bot, InThread("ada", "Ada Agent", "grant"));
        pause();
        await SendAsync(bot, InThread("ada", "Ada Agent", "end"));
        pause();
        await customer.PostMessageAsync("5");
        return customer;
    }

    public async ValueTask DisposeAsync()
    {
        await Channel.DisposeAsync();
        await Authority.DisposeAsync();
    }
}

/// <summary>Reads a JSON body.</summary>
public static class JsonBodies
{
    public static async Task<JsonNode> ReadAsync(HttpResponseMessage response) => JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
}

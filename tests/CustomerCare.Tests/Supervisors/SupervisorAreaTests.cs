using CustomerCare.Bot.Storage;
using System.Net;
using System.Text.Json.Nodes;
using CustomerCare.Bot.Supervisors;
using CustomerCare.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerCare.Tests.Supervisors;

/// <summary>
/// A supervisor reviews a real hand-off: the conversation is listed and found, its transcript shows customer, bot and
/// agent turns in order with the ledger entry and hand-off events, exports parse, and every read is logged.
/// </summary>
public sealed class SupervisorAreaTests : IAsyncLifetime
{
    private readonly BotHost _host = new();
    private TeamsAgents? _teams;
    private DirectLineClient? _customer;
    private HttpClient? _supervisor;

    public async Task InitializeAsync()
    {
        _teams = await TeamsAgents.StartAsync();
        _teams.Configure(_host);
        _customer = await _teams.PlayHandoffAsync(_host.CreateClient(), () => _host.Clock.Advance(TimeSpan.FromSeconds(3)));
        await WaitForAsync(s => s.Rating == 5 && s.Activities >= 12);
        _supervisor = await SupervisorSession.SignInAsync(_host);
    }

    public async Task DisposeAsync()
    {
        _host.Dispose();
        await _teams!.DisposeAsync();
    }

    /// <summary>Transcripts are written in the background: wait until the summary shows the whole story.</summary>
    private async Task<ConversationSummary> WaitForAsync(Func<ConversationSummary, bool> done)
    {
        var index = _host.Services.GetRequiredService<ConversationIndex>();
        for (var i = 0; i < 100; i++)
        {
            if (await index.FindAsync("directline", _customer!.ConversationId!) is { } summary && done(summary))
            {
                return summary;
            }
            await Task.Delay(50);
        }
        throw new TimeoutException("The conversation's summary was not complete.");
    }

    [Fact]
    public async Task HandedOffConversation_IsListedWithItsOutcome_AgentAndRating()
    {
        var html = await _supervisor!.GetStringAsync("/supervisors?outcome=granted&agent=Ada%20Agent&rating=5&language=en");
        Assert.Contains(_customer!.ConversationId!, html, StringComparison.Ordinal);
        Assert.Contains("DEMO01", html, StringComparison.Ordinal);
        Assert.Contains("<span id=\"total\">1</span>", html, StringComparison.Ordinal);

        var handedOff = await _supervisor.GetStringAsync("/supervisors?outcome=handedOff");
        Assert.Contains(_customer.ConversationId!, handedOff, StringComparison.Ordinal);
        var none = await _supervisor.GetStringAsync("/supervisors?outcome=abandoned&agent=Ada%20Agent");
        Assert.Contains("<span id=\"total\">0</span>", none, StringComparison.Ordinal);
        var otherChannel = await _supervisor.GetStringAsync("/supervisors?channel=msteams");
        Assert.Contains("<span id=\"total\">0</span>", otherChannel, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("DEMO01")]
    [InlineData("hotel covered")]
    [InlineData("per night")]
    public async Task Search_FindsTheConversation_ByLocatorOrWordsTheCustomerOrAgentWrote(string search)
    {
        var html = await _supervisor!.GetStringAsync("/supervisors?q=" + Uri.EscapeDataString(search));
        Assert.Contains(_customer!.ConversationId!, html, StringComparison.Ordinal);
        var miss = await _supervisor.GetStringAsync("/supervisors?q=" + Uri.EscapeDataString(search + " zanzibar"));
        Assert.DoesNotContain(_customer.ConversationId!, miss, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TranscriptView_ShowsCustomerBotAndAgentTurnsInOrder_WithTheLedgerEntryAndHandoffEvents()
    {
        var html = WebUtility.HtmlDecode(await _supervisor!.GetStringAsync($"/supervisors/conversations/directline/{_customer!.ConversationId}"));
        string[] inOrder =
        [
            "My flight CC400 was delayed, booking DEMO01",
            "I want to talk to a person",
            "Handed off: case CC-",
            "Ada Agent took case CC-",
            "Is my hotel covered?",
            "Ada Agent: Yes, up to 150 EUR per night.",
            "granted 600.00 EUR",
            "Second grant refused by the ledger",
            "Ada Agent ended the hand-off. Customer rating: 5/5.",
        ];
        var positions = inOrder.Select(text => html.IndexOf(text, StringComparison.Ordinal)).ToList();
        Assert.All(positions.Zip(inOrder), p => Assert.True(p.First >= 0, "missing: " + p.Second));
        Assert.Equal(positions.Order().ToList(), positions);
        Assert.Contains("class=\"item agent\"", html, StringComparison.Ordinal);
        Assert.Contains("class=\"item customer\"", html, StringComparison.Ordinal);
        Assert.Contains("class=\"item bot\"", html, StringComparison.Ordinal);

        var log = (await _host.Services.GetRequiredService<TranscriptAccessLog>().RecentAsync(10, CancellationToken.None));
        Assert.Contains(log, e => e is { Who: "Sam Supervisor (development sign-in)", Action: "viewed" } && e.Conversation == "directline/" + _customer.ConversationId);
    }

    [Fact]
    public async Task TheCardsTranscriptLink_OpensTheCaseConversationForTheAgent_AndTheReadIsLogged()
    {
        var card = _teams!.Channel.Calls.First(c => c.Method == "POST" && c.Path == "/v3/conversations").Body!["activity"]!["attachments"]![0]!["content"]!;
        var link = card["actions"]!.AsArray().Single(a => a!["type"]!.GetValue<string>() == "Action.OpenUrl")!;
        Assert.Equal("Full transcript", link["title"]!.GetValue<string>());
        var url = new Uri(link["url"]!.GetValue<string>());
        Assert.StartsWith("/agents/cases/CC-", url.AbsolutePath, StringComparison.Ordinal);

        var other = await SupervisorSession.SignInAsync(_host, "Bob Agent", role: "agent", objectId: "bob");
        Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync(url.AbsolutePath)).StatusCode);
        var agent = await SupervisorSession.SignInAsync(_host, "Ada Agent", role: "agent", objectId: "ada");
        var html = WebUtility.HtmlDecode(await agent.GetStringAsync(url.AbsolutePath));
        Assert.Contains("My flight CC400 was delayed, booking DEMO01", html, StringComparison.Ordinal);
        Assert.Contains("Ada Agent: Yes, up to 150 EUR per night.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Fairness report", html, StringComparison.Ordinal);
        Assert.Contains((await _host.Services.GetRequiredService<TranscriptAccessLog>().RecentAsync(10, CancellationToken.None)), e => e.Who.StartsWith("Ada Agent", StringComparison.Ordinal) && e.Action.StartsWith("viewed case CC-", StringComparison.Ordinal));
        Assert.Contains((await _host.Services.GetRequiredService<TranscriptAccessLog>().RecentAsync(10, CancellationToken.None)), e => e.Who.StartsWith("Bob Agent", StringComparison.Ordinal) && e.Action.StartsWith("refused case CC-", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Supervisor_AddsAReviewNoteAndScore_ShownOnTheConversationAndInTheList()
    {
        var path = $"/supervisors/conversations/directline/{_customer!.ConversationId}";
        var page = await _supervisor!.GetStringAsync(path);
        var posted = await _supervisor.PostAsync(path + "?handler=Review", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["score"] = "4", ["note"] = "Agent explained the hotel cap well.", ["__RequestVerificationToken"] = SupervisorSession.TokenIn(page),
        }));
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.Contains("Agent explained the hotel cap well.", await _supervisor.GetStringAsync(path), StringComparison.Ordinal);
        Assert.Equal(4, (await WaitForAsync(s => s.ReviewScore is not null)).ReviewScore);

        var bad = await _supervisor.PostAsync(path + "?handler=Review", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["score"] = "9", ["__RequestVerificationToken"] = SupervisorSession.TokenIn(page),
        }));
        Assert.Contains("Give a score from 1 to 5", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var forged = await _supervisor.PostAsync(path + "?handler=Review", new FormUrlEncodedContent(new Dictionary<string, string> { ["score"] = "1" }));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
    }

    [Fact]
    public async Task TranscriptExport_IsAJsonArrayOfActivitiesWithRolesAndTimestamps()
    {
        var response = await _supervisor!.GetAsync($"/supervisors/export/directline/{_customer!.ConversationId}.transcript");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.EndsWith(".transcript", response.Content.Headers.ContentDisposition!.FileName!.Trim('"'), StringComparison.Ordinal);
        var activities = Assert.IsType<JsonArray>(JsonNode.Parse(await response.Content.ReadAsStringAsync()));
        Assert.True(activities.Count >= 12);
        Assert.All(activities, a =>
        {
            Assert.True(a!["from"]!["role"]!.GetValue<string>() is "user" or "bot");
            Assert.True(DateTimeOffset.TryParse(a["timestamp"]!.GetValue<string>(), out _));
            Assert.False(string.IsNullOrEmpty(a["type"]!.GetValue<string>()));
        });
        Assert.Contains(activities, a => a!["channelData"]?["customerCare"]?["agent"]?.GetValue<string>() == "Ada Agent");
        Assert.Contains((await _host.Services.GetRequiredService<TranscriptAccessLog>().RecentAsync(10, CancellationToken.None)), e => e.Action == "exported");
        Assert.Equal(HttpStatusCode.NotFound, (await _supervisor.GetAsync("/supervisors/export/directline/nope.transcript")).StatusCode);
    }

    [Fact]
    public async Task ListExport_IsJsonLines_OneConversationPerLine_WithTheFiltersApplied()
    {
        var body = await _supervisor!.GetStringAsync("/supervisors/conversations.jsonl?outcome=granted");
        var lines = body.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var line = JsonNode.Parse(Assert.Single(lines))!;
        Assert.Equal(_customer!.ConversationId, line["conversation"]!.GetValue<string>());
        Assert.Equal(["handedOff", "granted"], line["outcomes"]!.AsArray().Select(o => o!.GetValue<string>()));
        Assert.Equal("Ada Agent", line["agents"]![0]!.GetValue<string>());
        Assert.Empty((await _supervisor.GetStringAsync("/supervisors/conversations.jsonl?outcome=abandoned")).Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task FairnessReport_ShowsTheAgentsGrant_AndTheRefusedSecondGrant_AndDownloadsAsCsv()
    {
        var html = await _supervisor!.GetStringAsync("/supervisors/fairness");
        Assert.Contains("<span id=\"grants\">1</span>", html, StringComparison.Ordinal);
        Assert.Contains("<span id=\"refused\">1</span>", html, StringComparison.Ordinal);
        var csv = await _supervisor.GetStringAsync("/supervisors/fairness.csv");
        Assert.Contains("Delay,\"≥ 4 h, > 3500 km\",EUR,agent,Ada Agent,1,649.00,0.00,649.00,649.00,0,1", csv, StringComparison.Ordinal);
    }
}

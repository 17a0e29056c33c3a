using CustomerCare.Tests.Support;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CustomerCare.Tests.Browser;

/// <summary>A supervisor in Debian's Chromium: signs in, finds the handed-off conversation, reads it, reviews it, opens the fairness report.</summary>
public sealed class SupervisorPagesTests : IAsyncLifetime
{
    private readonly BotHost _host = new();
    private TeamsAgents? _teams;
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private string _baseUrl = string.Empty;
    private string _handedOff = string.Empty;

    public async Task InitializeAsync()
    {
        _teams = await TeamsAgents.StartAsync();
        _teams.Configure(_host);
        _host.UseKestrel(0);
        _host.StartServer();
        _baseUrl = _host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var http = new HttpClient { BaseAddress = new Uri(_baseUrl) };
        var browsing = await new DirectLineClient(http).StartAsync();
        await browsing.PostMessageAsync("hello, just looking");
        _host.Clock.Advance(TimeSpan.FromMinutes(5));
        _handedOff = (await _teams.PlayHandoffAsync(http, () => _host.Clock.Advance(TimeSpan.FromSeconds(20)))).ConversationId!;
        (_playwright, _browser) = await Support.Browser.LaunchAsync();
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }
        _playwright?.Dispose();
        _host.Dispose();
        await _teams!.DisposeAsync();
    }

    [Fact]
    public async Task Supervisor_FiltersToHandedOff_ReadsTheConversation_AddsANote_AndOpensTheFairnessReport()
    {
        var page = await _browser!.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1300, Height = 900 } });
        var errors = new List<string>();
        page.PageError += (_, error) => errors.Add(error);

        await page.GotoAsync(_baseUrl + "/supervisors");
        Assert.Contains("/supervisors/sign-in", page.Url, StringComparison.Ordinal);
        await Expect(page.GetByText("Development sign-in — anyone can sign in here"));
        await page.GetByLabel("Name").FillAsync("Sam Supervisor");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in (development)" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Conversations" }));

        await Eventually(async () =>
        {
            await page.GotoAsync(_baseUrl + "/supervisors");
            return await page.Locator("table.list tbody tr").CountAsync() == 2;
        });
        await page.GetByLabel("Outcome").SelectOptionAsync("handedOff");
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply" }).ClickAsync();
        await Expect(page.Locator("#total").GetByText("1", new() { Exact = true }));
        Assert.Equal(1, await page.Locator("table.list tbody tr").CountAsync());
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Support.Browser.ScreenshotPath("supervisor-conversations-handed-off"), FullPage = true });

        await page.Locator("a.open").First.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Transcript" }));
        Assert.Contains(_handedOff, page.Url, StringComparison.Ordinal);
        var items = page.Locator("ol.timeline > li");
        var kinds = await items.EvaluateAllAsync<string[]>("items => items.map(i => i.className.replace('item ', ''))");
        var texts = await items.AllInnerTextsAsync();
        int Index(string text) => texts.ToList().FindIndex(t => t.Contains(text, StringComparison.Ordinal));
        var customerAsks = Index("I want to talk to a person");
        var agentAnswers = Index("Yes, up to 150 EUR per night.");
        var grant = Index("granted 600.00 EUR");
        Assert.True(customerAsks >= 0 && agentAnswers > customerAsks && grant > agentAnswers, string.Join(" | ", texts));
        Assert.Equal("customer", kinds[customerAsks]);
        Assert.Equal("agent", kinds[agentAnswers]);
        Assert.Equal("grant", kinds[grant]);
        Assert.Contains("bot", kinds);
        Assert.Contains("handoff", kinds);

        await page.GetByLabel("Score").SelectOptionAsync("4");
        await page.GetByLabel("QA note").FillAsync("Clear explanation of the hotel cap; grant within policy.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add review" }).ClickAsync();
        await Expect(page.GetByText("Clear explanation of the hotel cap; grant within policy."));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Support.Browser.ScreenshotPath("supervisor-transcript"), FullPage = true });

        await page.GetByRole(AriaRole.Link, new() { Name = "Fairness report" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Fairness report" }));
        Assert.Equal("1", await page.Locator("#grants").InnerTextAsync());
        Assert.Equal("1", await page.Locator("#refused").InnerTextAsync());
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Delay · ≥ 4 h, > 3500 km · EUR" }));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Support.Browser.ScreenshotPath("supervisor-fairness"), FullPage = true });
        Assert.Empty(errors);
    }

    private static Task Expect(ILocator locator) => Assertions.Expect(locator.First).ToBeVisibleAsync(new() { Timeout = 15_000 });

    private static async Task Eventually(Func<Task<bool>> condition)
    {
        for (var i = 0; i < 50; i++)
        {
            if (await condition())
            {
                return;
            }
            await Task.Delay(100);
        }
        Assert.Fail("The condition did not hold within 5 s.");
    }
}

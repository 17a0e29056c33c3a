using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using CustomerCare.Tests.Support;

namespace CustomerCare.Tests.Browser;

/// <summary>The real Web Chat in Debian's Chromium against the running bot, as a customer uses it.</summary>
public sealed class WebChatPageTests : IAsyncLifetime
{
    private readonly BotHost _host = new();
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private string _baseUrl = string.Empty;

    public async Task InitializeAsync()
    {
        _host.UseKestrel(0);
        _host.StartServer();
        _baseUrl = _host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
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
    }

    [Fact]
    public async Task Customer_IsGreeted_ClicksASuggestedAction_TypesAnAnswer_AndSeesTheReply()
    {
        var page = await _browser!.NewPageAsync(new BrowserNewPageOptions { Locale = "en-US", ViewportSize = new ViewportSize { Width = 900, Height = 900 } });
        var errors = new List<string>();
        page.PageError += (_, error) => errors.Add(error);
        page.Console += (_, message) => Console.WriteLine($"[browser {message.Type}] {message.Text}");
        page.RequestFailed += (_, request) => Console.WriteLine($"[browser request failed] {request.Url} {request.Failure}");
        page.WebSocket += (_, socket) => Console.WriteLine($"[browser websocket] {socket.Url}");

        await page.GotoAsync(_baseUrl);
        await Expect(page.GetByText("the CustomerCare assistant"));
        await SuggestedAction(page, "Report a disruption").ClickAsync();
        await Expect(page.GetByText("What happened?"));
        await SuggestedAction(page, "Delay").ClickAsync();
        await Expect(page.GetByText("What is your booking reference?"));

        var sendBox = page.GetByRole(AriaRole.Textbox).First;
        await sendBox.FillAsync("K7QX2M");
        await sendBox.PressAsync("Enter");
        await Expect(page.GetByText("last name, as on the booking"));
        await page.WaitForTimeoutAsync(500);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Support.Browser.ScreenshotPath("webchat-disruption-report"), FullPage = true });

        Assert.Equal(0, await page.GetByText("Send failed").CountAsync());
        Assert.Equal(0, await page.GetByText("Sending").CountAsync());
        Assert.Empty(errors);
    }

    [Fact]
    public async Task Customer_ReportsADelay_SeesTheFactsAndTheRules_ConfirmsAndGetsAReference()
    {
        var page = await _browser!.NewPageAsync(new BrowserNewPageOptions { Locale = "en-US", ViewportSize = new ViewportSize { Width = 900, Height = 1300 } });

        await page.GotoAsync(_baseUrl);
        await Expect(page.GetByText("the CustomerCare assistant"));
        var sendBox = page.GetByRole(AriaRole.Textbox).First;
        await sendBox.FillAsync("My flight CC400 was delayed, booking DEMO01");
        await sendBox.PressAsync("Enter");
        await Expect(page.GetByText("last name, as on the booking"));
        await sendBox.FillAsync("Sample");
        await sendBox.PressAsync("Enter");
        await Expect(page.GetByText("€649.00 in total"));
        await SuggestedAction(page, "Yes").ClickAsync();
        await Expect(page.GetByText("Your reference is G-"));
        await page.WaitForTimeoutAsync(500);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Support.Browser.ScreenshotPath("webchat-compensation-granted"), FullPage = true });

        Assert.True(await page.GetByText("EU261 Art. 7(1)(c)").CountAsync() > 0, "the rule is cited as written, not turned into ©");
        Assert.Equal(0, await page.GetByText("7(1)©").CountAsync());
        Assert.Equal(0, await page.GetByText("Send failed").CountAsync());
    }

    [Fact]
    public async Task Adviser_ShowsTheComparisonCard_RenderedByWebChat()
    {
        var page = await _browser!.NewPageAsync(new BrowserNewPageOptions { Locale = "en-US", ViewportSize = new ViewportSize { Width = 900, Height = 1400 } });

        await page.GotoAsync(_baseUrl);
        await Expect(page.GetByText("the CustomerCare assistant"));
        await SuggestedAction(page, "Get product advice").ClickAsync();
        foreach (var answer in new[] { "Ways to travel Frankfurt – London", "Good value", "I have all day", "Yes, a big suitcase", "Quite likely", "A lot" })
        {
            await SuggestedAction(page, answer).ClickAsync();
            await page.WaitForTimeoutAsync(300);
        }
        var card = page.Locator(".ac-adaptiveCard");
        await Expect(card);
        await Expect(page.GetByText("and I recommend it anyway"));
        await page.WaitForTimeoutAsync(500);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Support.Browser.ScreenshotPath("webchat-advice-comparison"), FullPage = true });

        Assert.Contains("High-speed rail via Brussels", await card.First.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(3, await card.First.Locator("button").CountAsync());
    }

    [Fact]
    public async Task AgentsHandoffCard_IsValidAdaptiveCard15_AndRendersWithTheAdaptiveCardsSdk()
    {
        var caseFile = new CustomerCare.Cases.CaseFile("CC-7QX2MK", CustomerCare.Cases.CaseReason.PolicyNeedsPerson, "directline", "conv-1", "dl_user", "de-DE",
            new DateTime(2026, 11, 23, 9, 30, 0, DateTimeKind.Utc), "deniedBoarding", "DEMO04", "Example", "CC31");
        var ledger = new[]
        {
            new CustomerCare.Ledger.LedgerEntry("G-ABCD2345", new CustomerCare.Ledger.GrantSubject("DEMO04-1", "DEMO04", "CC31", new DateOnly(2026, 11, 21), CustomerCare.Remedies.DisruptionKind.Delay),
                [new CustomerCare.Ledger.GrantedRemedy("care.meals", CustomerCare.Remedies.RemedyKind.Care, 24, "USD", "House policy (care)")], "2025.01",
                new CustomerCare.Ledger.GrantActor(CustomerCare.Ledger.ActorKind.Agent, "ada", "Ada Agent", "msteams", "c"), new DateTime(2026, 11, 21, 20, 0, 0, DateTimeKind.Utc)),
        };
        var card = CustomerCare.Bot.Teams.HandoffCard.Build(caseFile, ledger, ["1680.00 USD compensation — 14 CFR 250.5 (needs a person)", "25.00 EUR goodwill — House policy (goodwill)"],
            ["Customer: Ich wurde nicht befördert, überbucht, Buchung DEMO04", "Bot: Laut unseren Flugbetriebsdaten war CC31 überbucht …", "Customer: Example"]);
        var page = await _browser!.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 700, Height = 900 } });

        await page.GotoAsync(_baseUrl + "/agents/card-preview.html");
        var problems = await page.EvaluateAsync<string[]>("text => window.renderCard(JSON.parse(text))", card.ToJsonString());
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Support.Browser.ScreenshotPath("teams-handoff-card"), FullPage = true });

        Assert.Empty(problems);
        Assert.Equal(3, await page.Locator("#card button").CountAsync());
        Assert.Contains("G-ABCD2345", await page.Locator("#card").InnerTextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SwitchingTheLanguage_MakesTheBotAnswerInGerman()
    {
        var page = await _browser!.NewPageAsync(new BrowserNewPageOptions { Locale = "en-US" });

        await page.GotoAsync(_baseUrl);
        await Expect(page.GetByText("the CustomerCare assistant"));
        await page.SelectOptionAsync("#locale", "de-DE");
        var sendBox = page.GetByRole(AriaRole.Textbox).First;
        await sendBox.FillAsync("Hilfe");
        await sendBox.PressAsync("Enter");

        await Expect(page.GetByText("Ich kann: eine gestörte Reise aufnehmen"));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Support.Browser.ScreenshotPath("webchat-german") });
    }

    private static ILocator SuggestedAction(IPage page, string title)
        => page.Locator("button.webchat__suggested-action", new PageLocatorOptions { HasText = title });

    private static Task Expect(ILocator locator) => locator.First.WaitForAsync(new LocatorWaitForOptions { Timeout = 20_000 });
}

using System.Text.RegularExpressions;
using CustomerCare.Ledger;
using CustomerCare.Tests.Support;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CustomerCare.Tests.Browser;

/// <summary>A supervisor in Debian's Chromium approves a grant an agent asked for above their authority, and sees it granted once.</summary>
public sealed partial class ApprovalPagesTests : IAsyncLifetime
{
    private readonly BotHost _host = new();
    private TeamsAgents? _teams;
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private string _baseUrl = string.Empty;
    private string _approval = string.Empty;

    /// <summary>DEMO04's denied-boarding compensation is above Ada's USD authority: she asks, and the request waits.</summary>
    public async Task InitializeAsync()
    {
        _teams = await TeamsAgents.StartAsync();
        _teams.Configure(_host);
        _host.UseKestrel(0);
        _host.StartServer();
        _baseUrl = _host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var http = new HttpClient { BaseAddress = new Uri(_baseUrl) };
        await _teams.SendAsync(http, _teams.InChannel("conversationUpdate", "ada", "Ada Agent"));
        var customer = await new DirectLineClient(http).StartAsync();
        await customer.PostMessageAsync("I was denied boarding, booking DEMO04");
        await customer.PostMessageAsync("Example");
        var reference = (await _host.Services.GetRequiredService<CustomerCare.Cases.ICaseStore>().ListOpenAsync(CancellationToken.None)).Single().Reference;
        await _teams.SendAsync(http, _teams.CardAction("ada", "Ada Agent", "take", reference));
        var thread = (await _host.Services.GetRequiredService<CustomerCare.Cases.ICaseStore>().FindHeldAsync(reference, CancellationToken.None))!.Thread!.ThreadId;
        await _teams.SendAsync(http, _teams.InThread("ada", "Ada Agent", "grant", thread));
        _approval = Assert.Single(await _host.Services.GetRequiredService<IApprovalStore>().ListAsync(10, CancellationToken.None)).Id;
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
    public async Task Supervisor_SeesTheWaitingRequest_ApprovesIt_AndItIsGrantedOnceWithRequesterAndApprover()
    {
        var page = await _browser!.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1300, Height = 900 } });
        var errors = new List<string>();
        page.PageError += (_, error) => errors.Add(error);
        await page.GotoAsync(_baseUrl + "/supervisors/approvals");
        await page.GetByLabel("Name").FillAsync("Sam Supervisor");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in (development)" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Approvals" }).ClickAsync();

        var request = page.Locator("#" + _approval);
        await Assertions.Expect(request).ToContainTextAsync("asked by Ada Agent", new() { Timeout = 15_000 });
        await Assertions.Expect(request).ToContainTextAsync("1742.00 USD, above the limit of 1100.00 USD");
        await Assertions.Expect(request).ToContainTextAsync("1680.00 USD compensation (14 CFR 250.5)");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Support.Browser.ScreenshotPath("supervisor-approvals-waiting"), FullPage = true });

        await request.GetByRole(AriaRole.Button, new() { Name = "Approve and grant" }).ClickAsync();

        await Assertions.Expect(page.Locator("p.notice")).ToContainTextAsync(new Regex($"Approved {_approval}: granted 1742.00 USD, reference G-[A-Z0-9]{{8}}"), new() { Timeout = 15_000 });
        await Assertions.Expect(page.GetByText("No request is waiting.")).ToBeVisibleAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Support.Browser.ScreenshotPath("supervisor-approvals-decided"), FullPage = true });
        var grant = Assert.Single(await _host.Services.GetRequiredService<ICompensationLedger>().ForBookingAsync("DEMO04", CancellationToken.None));
        Assert.Equal(("ada", "Sam Supervisor", _approval), (grant.Approval!.RequestedBy.Id, grant.GrantedBy.Name, grant.Approval.ApprovalId));
        Assert.Empty(errors);
    }
}

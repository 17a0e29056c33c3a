using System.Net;
using CustomerCare.Payouts;
using CustomerCare.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerCare.Tests.Supervisors;

/// <summary>
/// The supervisors' payouts page: a grant made over Direct Line waits for finance's download, a failed one is retried
/// under the same reference, a rejected one shows finance's reason; the CSV holds what finance needs; only supervisors
/// open any of it, and each download is logged.
/// </summary>
public sealed class PayoutsPageTests : IAsyncLifetime
{
    private readonly BotHost _host = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private async Task<string> GrantOverDirectLineAsync(string report, string lastName)
    {
        var customer = await new DirectLineClient(_host.CreateClient()).StartAsync();
        foreach (var text in new[] { report, lastName, "yes" })
        {
            await customer.PostMessageAsync(text);
        }
        var store = _host.Services.GetRequiredService<IPayoutStore>();
        var waiting = await store.ListAsync([PayoutStatus.Waiting], 100, CancellationToken.None);
        return Assert.Single(waiting, p => p.Instruction.BookingReference == report.Split(' ')[^1]).Reference;
    }

    [Fact]
    public async Task AGrantsInstruction_IsListedAndDownloaded_AFailedOneIsRetried_AndARejectedOneShowsWhy()
    {
        var reference = await GrantOverDirectLineAsync("My flight CC400 was delayed, booking DEMO01", "Sample");
        var supervisor = await SupervisorSession.SignInAsync(_host);

        var page = await supervisor.GetStringAsync("/supervisors/payouts");
        Assert.Contains("Waiting for delivery or download (1)", page, StringComparison.Ordinal);
        Assert.Contains(reference, page, StringComparison.Ordinal);

        var csv = await supervisor.GetStringAsync("/supervisors/payouts.csv?status=waiting");
        var lines = csv.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(PayoutsCsv.Header, lines[0]);
        Assert.StartsWith($"{reference},DEMO01,DEMO01-1,Alex Sample,649.00,EUR,originalPaymentMethod,", Assert.Single(lines[1..]), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await supervisor.GetAsync("/supervisors/payouts.csv?status=lost")).StatusCode);
        Assert.Contains("exported the waiting payouts (1)", await supervisor.GetStringAsync("/supervisors/access-log"), StringComparison.Ordinal);

        var store = _host.Services.GetRequiredService<IPayoutStore>();
        await store.RecordDeliveryAsync(reference, new DeliveryResult.Refused("HTTP 422: refused by the webhook"), DateTime.UtcNow, PayoutRetryPolicy.Default, CancellationToken.None);
        page = await supervisor.GetStringAsync("/supervisors/payouts");
        Assert.Contains("Failed (1)", page, StringComparison.Ordinal);
        Assert.Contains("HTTP 422: refused by the webhook", page, StringComparison.Ordinal);

        var retried = await RetryAsync(supervisor, reference, SupervisorSession.TokenIn(page));
        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        Assert.Contains("will be delivered again, under the same idempotency key", await retried.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal((PayoutStatus.Waiting, 0), (await store.FindAsync(reference, CancellationToken.None)) is { } again ? (again.Status, again.Attempts) : default);
        Assert.Equal(HttpStatusCode.Conflict, (await RetryAsync(supervisor, reference, SupervisorSession.TokenIn(page))).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await RetryAsync(supervisor, "G-NOSUCH00", SupervisorSession.TokenIn(page))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await RetryAsync(supervisor, reference, "not-the-token")).StatusCode);

        await store.ReportAsync(reference, new FinanceReport(false, "=HYPERLINK(\"http://x\") account closed", null), DateTime.UtcNow, CancellationToken.None);
        page = await supervisor.GetStringAsync("/supervisors/payouts");
        Assert.Contains("Rejected by finance (1)", page, StringComparison.Ordinal);
        var rejected = await supervisor.GetStringAsync("/supervisors/payouts.csv?status=rejected");
        Assert.Contains(",\"'=HYPERLINK(\"\"http://x\"\") account closed\",", rejected, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OnlySupervisors_OpenThePayouts()
    {
        var agent = await SupervisorSession.SignInAsync(_host, "Ada Agent", role: "agent");
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.GetAsync("/supervisors/payouts.csv")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.GetAsync("/supervisors/payouts")).StatusCode);
        var anonymous = SupervisorSession.Anonymous(_host);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/supervisors/payouts.csv")).StatusCode);
    }

    private static Task<HttpResponseMessage> RetryAsync(HttpClient supervisor, string reference, string token)
        => supervisor.PostAsync("/supervisors/payouts?handler=Retry", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["reference"] = reference,
            ["__RequestVerificationToken"] = token,
        }));
}

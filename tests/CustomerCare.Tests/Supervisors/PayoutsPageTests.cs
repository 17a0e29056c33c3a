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
    public async Task ASepaFile_HandsEachTransferOverOnce_IsValid_AndDownloadsAgainUnchanged()
    {
        _host.Settings["Payouts:SepaDebtorName"] = "CustomerCare Airline";
        _host.Settings["Payouts:SepaDebtorIban"] = "DE02 1203 0000 0000 2020 51";
        var reference = await GrantOverDirectLineAsync("My flight CC400 was delayed, booking DEMO01", "Sample");
        var store = _host.Services.GetRequiredService<IPayoutStore>();
        Assert.IsType<AccountChange.Changed>(await store.ChangeAccountAsync(reference, new BankAccount("DE89370400440532013000", "Alex Sample"), DateTime.UtcNow, CancellationToken.None));
        var supervisor = await SupervisorSession.SignInAsync(_host);
        var page = await supervisor.GetStringAsync("/supervisors/payouts");
        Assert.Contains("Make a SEPA file (1 waiting)", page, StringComparison.Ordinal);

        var made = await MakeSepaFileAsync(supervisor, SupervisorSession.TokenIn(page));
        Assert.Equal(HttpStatusCode.Redirect, made.StatusCode);
        var location = made.Headers.Location!.OriginalString;
        Assert.Matches("^/supervisors/payouts/sepa/CC[0-9]{14}-[0-9A-F]{8}\\.xml$", location);
        var file = await supervisor.GetByteArrayAsync(location);
        Assert.Empty(CustomerCare.Tests.Payouts.PublishedSchemas.Errors(file, CustomerCare.Tests.Payouts.PublishedSchemas.Pain001()));
        Assert.Contains("<IBAN>DE89370400440532013000</IBAN>", System.Text.Encoding.UTF8.GetString(file), StringComparison.Ordinal);
        var handed = (await store.FindAsync(reference, CancellationToken.None))!;
        Assert.Equal((PayoutStatus.Sent, location.Split('/')[^1][..^4], false), (handed.Status, handed.Batch, handed.AccountChangeable));

        var again = await MakeSepaFileAsync(supervisor, SupervisorSession.TokenIn(await supervisor.GetStringAsync("/supervisors/payouts")));
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("nothing to hand over", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(file, await supervisor.GetByteArrayAsync(location));
        Assert.Contains("handed 1 transfers to finance in the SEPA file", await supervisor.GetStringAsync("/supervisors/access-log"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await supervisor.GetAsync("/supervisors/payouts/sepa/CC00000000000000-00000000.xml")).StatusCode);
        var agent = await SupervisorSession.SignInAsync(_host, "Ada Agent", role: "agent");
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.GetAsync(location)).StatusCode);
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

    private static Task<HttpResponseMessage> MakeSepaFileAsync(HttpClient supervisor, string token)
        => supervisor.PostAsync("/supervisors/payouts?handler=SepaFile", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));

    private static Task<HttpResponseMessage> RetryAsync(HttpClient supervisor, string reference, string token)
        => supervisor.PostAsync("/supervisors/payouts?handler=Retry", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["reference"] = reference,
            ["__RequestVerificationToken"] = token,
        }));
}

using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using CustomerCare.Tests.Support;

namespace CustomerCare.Tests.Payouts;

/// <summary>
/// Grants made over <c>/api/messages</c> reach a finance stand-in on loopback that fails, times out, asks to wait and
/// takes an instruction without answering: each is delivered under one idempotency key with a valid signature,
/// survives a SIGKILL before its delivery, and finance's signed reports reach the customer's status question.
/// </summary>
public sealed class PayoutsToFinanceTests
{
    private const string Secret = "finance-and-bot-share-this-secret-0123456789";

    private static string[] Settings(string webhook) =>
    [
        "--Payouts:WebhookUrl", webhook, "--Payouts:SigningSecret", Secret, "--Payouts:TimeoutSeconds", "1", "--Payouts:FirstRetryDelaySeconds", "1",
        "--Payouts:MaxRetryDelaySeconds", "2", "--Payouts:PollMilliseconds", "100", "--Payouts:PaidWithinDays", "5",
    ];

    /// <summary>The signature as finance computes it, independently of the bot's code.</summary>
    private static string Signed(byte[] body) => "sha256=" + Convert.ToHexString(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), body)).ToLowerInvariant();

    private static async Task UntilAsync(Func<bool> done, string what, int seconds = 60)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!done())
        {
            Assert.True(DateTime.UtcNow < deadline, what);
            await Task.Delay(100);
        }
    }

    [Fact]
    public async Task EveryGrant_IsDelivered_UnderOneKey_WithAValidSignature_ThroughFailuresTimeoutsAndALostAnswer_ThenFinancesReportsReachTheCustomer()
    {
        await using var finance = await FinanceStandIn.StartAsync();
        finance.Script = (_, n) => n switch
        {
            1 => FinanceAnswer.ServerError,
            2 => FinanceAnswer.Hang,
            3 => FinanceAnswer.TooManyRequests,
            4 => FinanceAnswer.TakeAndDrop,
            _ => FinanceAnswer.Ok,
        };
        await using var channel = await FakeChannel.StartAsync();
        var dataPath = BotHost.TempDataPath();
        DelayedFlightClaims.Import(dataPath, 3);
        using var bot = await BotProcess.StartAsync(dataPath, Settings(finance.WebhookUrl));
        using var http = new HttpClient { BaseAddress = new Uri(bot.Url) };

        var references = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            references.Add(await DelayedFlightClaims.PlayAsync(http, channel, DelayedFlightClaims.Locator(i), "payout-" + i) ?? throw new InvalidOperationException("no grant"));
        }
        Assert.Contains(channel.Calls, c => c.Body?["text"]?.GetValue<string>().Contains("within 5 days", StringComparison.Ordinal) == true);
        await UntilAsync(() => references.All(finance.Accepted.Contains), "not every grant reached finance");
        await Task.Delay(1500);

        Assert.Equal(references.Order(), finance.Deliveries.Select(d => d.Key).Distinct().Order());
        foreach (var reference in references)
        {
            var deliveries = finance.Deliveries.Where(d => d.Key == reference).ToList();
            Assert.Equal([FinanceAnswer.ServerError, FinanceAnswer.Hang, FinanceAnswer.TooManyRequests, FinanceAnswer.TakeAndDrop, FinanceAnswer.Ok], deliveries.Select(d => d.Answer));
            Assert.All(deliveries, d => Assert.Equal(Signed(d.Body), d.Signature));
            Assert.All(deliveries, d => Assert.Equal(deliveries[0].Body, d.Body));
            Assert.StartsWith("application/json", deliveries[0].ContentType);
            var body = JsonNode.Parse(deliveries[0].Body)!;
            Assert.Equal(reference, body["reference"]!.GetValue<string>());
            // EU261's €600 for a 4.5-hour delay over 3,500 km, and the policy's €49 of care, in one euro amount.
            Assert.Equal("649.00", body["amounts"]![0]!["amount"]!.GetValue<string>());
            Assert.Contains(body["rules"]!.AsArray(), r => r!.GetValue<string>().StartsWith("EU261", StringComparison.Ordinal));
            Assert.Equal("EUR", body["amounts"]![0]!["currency"]!.GetValue<string>());
            Assert.Equal("originalPaymentMethod", body["method"]!.GetValue<string>());
            Assert.Equal("Casey Crash", body["passenger"]!["name"]!.GetValue<string>());
        }

        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        Assert.Equal(HttpStatusCode.OK, (await ReportAsync(http, references[0], $$"""{"status":"paid","paidOn":"{{today:yyyy-MM-dd}}"}""")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ReportAsync(http, references[1], """{"status":"rejected","reason":"account closed"}""")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ReportAsync(http, references[1], """{"status":"rejected","reason":"account closed"}""")).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await ReportAsync(http, references[1], """{"status":"paid"}""")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await ReportAsync(http, "G-NOSUCH00", """{"status":"paid"}""")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await ReportAsync(http, references[2], """{"status":"paid"}""", signature: Signed("""{"status":"rejected"}"""u8.ToArray()))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await ReportAsync(http, references[2], """{"status":"paid"}""", signature: "")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await ReportAsync(http, references[2], """{"status":"rejected"}""")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await ReportAsync(http, references[2], $$"""{"reference":"{{references[1]}}","status":"paid"}""")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await ReportAsync(http, references[2], """{"status":"paid","paidOn":"2099-01-01"}""")).StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await ReportAsync(http, references[2], """{"status":"paid","paidOn":"2020-01-01"}""")).StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, (await ReportAsync(http, references[2], "{\"status\":\"rejected\",\"reason\":\"" + new string('x', 20_000) + "\"}")).StatusCode);

        Assert.Contains("payment: paid on " + today.ToString("d", System.Globalization.CultureInfo.GetCultureInfo("en-US")), await AskStatusAsync(http, channel, 0));
        Assert.Contains("payment: not made — our finance team could not pay it (account closed)", await AskStatusAsync(http, channel, 1));
        Assert.Contains("payment: instructed to our finance team on", await AskStatusAsync(http, channel, 2));
    }

    [Fact]
    public async Task AGrantWhoseBotIsKilledBeforeFinanceTookIt_IsDeliveredAfterTheRestart_UnderTheSameKey()
    {
        await using var finance = await FinanceStandIn.StartAsync();
        finance.Script = (_, _) => FinanceAnswer.ServerError;
        await using var channel = await FakeChannel.StartAsync();
        var dataPath = BotHost.TempDataPath();
        DelayedFlightClaims.Import(dataPath, 1);
        string reference;
        using (var bot = await BotProcess.StartAsync(dataPath, Settings(finance.WebhookUrl)))
        using (var http = new HttpClient { BaseAddress = new Uri(bot.Url) })
        {
            reference = await DelayedFlightClaims.PlayAsync(http, channel, DelayedFlightClaims.Locator(0), "killed-before-payout") ?? throw new InvalidOperationException("no grant");
            await UntilAsync(() => !finance.Deliveries.IsEmpty, "no delivery was tried");
            bot.Kill();
        }
        Assert.Empty(finance.Accepted);

        finance.Script = (_, _) => FinanceAnswer.Ok;
        using var restarted = await BotProcess.StartAsync(dataPath, Settings(finance.WebhookUrl));
        await UntilAsync(() => finance.Accepted.Contains(reference), "the instruction was not delivered after the restart");

        Assert.All(finance.Deliveries, d => Assert.Equal(reference, d.Key));
        Assert.Single(finance.Accepted);
    }

    [Fact]
    public async Task TwoInstancesOnOnePostgreSqlDatabase_DeliverEachGrantOnce_AndEitherTakesFinancesReport()
    {
        await using var finance = await FinanceStandIn.StartAsync();
        await using var channel = await FakeChannel.StartAsync();
        var connectionString = await (await PostgreSqlServer.SharedAsync()).CreateDatabaseAsync(nameof(TwoInstancesOnOnePostgreSqlDatabase_DeliverEachGrantOnce_AndEitherTakesFinancesReport));
        async Task<BotProcess> StartAsync()
        {
            var dataPath = BotHost.TempDataPath();
            DelayedFlightClaims.Import(dataPath, 8);
            return await BotProcess.StartAsync(dataPath, [.. Settings(finance.WebhookUrl), "--Storage:Provider", "PostgreSql", "--ConnectionStrings:CustomerCare", connectionString]);
        }
        var started = await Task.WhenAll(StartAsync(), StartAsync());
        using var a = started[0];
        using var b = started[1];
        using var onA = new HttpClient { BaseAddress = new Uri(a.Url) };
        using var onB = new HttpClient { BaseAddress = new Uri(b.Url) };

        var references = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            DelayedFlightClaims.PlayAsync(i % 2 == 0 ? onA : onB, channel, DelayedFlightClaims.Locator(i), "two-instances-" + i)));
        Assert.All(references, Assert.NotNull);
        await UntilAsync(() => references.All(finance.Accepted.Contains), "not every grant reached finance");
        await Task.Delay(1500);

        Assert.Equal(references.Order(), finance.Accepted.Order());
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        Assert.Equal(HttpStatusCode.OK, (await ReportAsync(onB, references[0]!, $$"""{"status":"paid","paidOn":"{{today:yyyy-MM-dd}}"}""")).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await ReportAsync(onA, references[0]!, """{"status":"rejected","reason":"duplicate"}""")).StatusCode);
        Assert.Contains("payment: paid on " + today.ToString("d", System.Globalization.CultureInfo.GetCultureInfo("en-US")), await AskStatusAsync(onA, channel, 0));
    }

    /// <summary>Finance's signed report on a payout; the body names the payout first, as the contract asks, unless it names one itself.</summary>
    private static async Task<HttpResponseMessage> ReportAsync(HttpClient http, string reference, string json, string? signature = null)
    {
        var body = Encoding.UTF8.GetBytes(json.Contains("\"reference\"", StringComparison.Ordinal) || !json.StartsWith('{') ? json : "{\"reference\":\"" + reference + "\"," + json[1..]);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/payouts/{reference}/status") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new("application/json");
        request.Headers.TryAddWithoutValidation("CustomerCare-Signature", signature ?? Signed(body));
        return await http.SendAsync(request);
    }

    /// <summary>"Did I already get something?" for booking i, answered in a conversation of its own: the bot's answer.</summary>
    private static async Task<string> AskStatusAsync(HttpClient http, FakeChannel channel, int i)
    {
        var conversation = "status-" + i + "-" + Guid.NewGuid().ToString("N")[..6];
        var turn = 0;
        foreach (var text in new[] { "did I already get something", DelayedFlightClaims.Locator(i), "Crash" })
        {
            (await http.PostAsJsonAsync("/api/messages", new
            {
                type = "message", id = $"{conversation}-{++turn}", text, channelId = "emulator", serviceUrl = channel.ServiceUrl, locale = "en-US",
                from = new { id = "user-" + conversation }, recipient = new { id = "bot" }, conversation = new { id = conversation },
            })).EnsureSuccessStatusCode();
        }
        return channel.Calls.Where(c => c.Path.Contains("/" + conversation + "/", StringComparison.Ordinal)).Select(c => c.Body?["text"]?.GetValue<string>())
            .Last(t => t?.StartsWith("Here is what was granted", StringComparison.Ordinal) == true)!;
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Net.Http.Headers;
using CustomerCare.Ledger;
using CustomerCare.Remedies;
using CustomerCare.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerCare.Tests.Attack;

/// <summary>Around the receipt and SEPA fixes: receipts over the Connector endpoint, one file under two ids, odd batch ids.</summary>
public sealed class ReceiptLinkAttackTests
{
    private const string Report = "My flight CC218 was delayed, booking DEMO07";

    private static async Task<IReadOnlyList<LedgerEntry>> CareGrantsAsync(ICompensationLedger ledger, string booking)
        => (await ledger.ForBookingAsync(booking, CancellationToken.None)).Where(e => e.Remedies.Any(r => r.Kind == RemedyKind.Care)).ToList();

    /// <summary>One activity over /api/messages as a channel delivers it (local development: anonymous, as the Emulator).</summary>
    private static async Task ConnectorAsync(HttpClient http, FakeChannel channel, string conversation, int turn, string? text, object[]? attachments = null, string channelId = "webchat")
    {
        var response = await http.PostAsync("/api/messages", JsonContent.Create(new
        {
            type = "message", id = $"{conversation}-{turn}", text, channelId, serviceUrl = channel.ServiceUrl, locale = "en-US",
            from = new { id = "user-" + conversation }, recipient = new { id = "bot" }, conversation = new { id = conversation },
            attachments = attachments ?? [],
        }));
        Assert.True(response.IsSuccessStatusCode, $"turn {turn}: {(int)response.StatusCode}");
    }

    /// <summary>DEMO07 reported, money chosen, receipts opened and one meal of 18.50 stated, over /api/messages.</summary>
    private static async Task<int> AtTheFileStepOverTheConnectorAsync(HttpClient http, FakeChannel channel, string conversation, string channelId = "webchat")
    {
        var turn = 0;
        foreach (var text in new[] { Report, "Vorbild", "Money", "receipts", "Meals", "18.50" })
        {
            await ConnectorAsync(http, channel, conversation, ++turn, text, channelId: channelId);
        }
        return turn;
    }

    // -----------------------------------------------------------------------------------------------------------------
    // 1. The Direct Line filter is the only check that a receipt is an upload: /api/messages has none
    // -----------------------------------------------------------------------------------------------------------------

    [Theory]
    [InlineData("webchat")]
    [InlineData("directline")]
    [InlineData("msteams")]
    public async Task AReceiptOverTheConnectorEndpoint_NamingAnUploadThatWasNeverMade_IsNotPaid(string channelId)
    {
        await using var host = new BotHost();
        await using var channel = await FakeChannel.StartAsync();
        var http = host.CreateClient();
        var turn = await AtTheFileStepOverTheConnectorAsync(http, channel, "conn-1", channelId);

        // No such upload exists: the id is whatever the client typed.
        var madeUp = "https://anything.example/v3/directline/attachments/madeup0000000000000000000000000001";
        await ConnectorAsync(http, channel, "conn-1", ++turn, null, [new { contentType = "image/jpeg", contentUrl = madeUp, name = "lunch.jpg" }], channelId);
        await ConnectorAsync(http, channel, "conn-1", ++turn, "that's all", channelId: channelId);
        await ConnectorAsync(http, channel, "conn-1", ++turn, "yes", channelId: channelId);

        var paid = (await CareGrantsAsync(host.Services.GetRequiredService<ICompensationLedger>(), "DEMO07")).SelectMany(e => e.Receipts).ToList();
        Assert.True(paid.Count == 0,
            $"a receipt whose file was never uploaded was paid back over /api/messages ({channelId}): {string.Join(", ", paid.Select(r => r.Amount + " " + r.ContentUrl))}");
    }

    // -----------------------------------------------------------------------------------------------------------------
    // 2. One real upload, claimed as "U:<id>" ordinally, but looked up by the store ignoring case
    // -----------------------------------------------------------------------------------------------------------------

    [Fact]
    public async Task OneUploadedFile_UnderItsIdInCapitals_IsNotPaidASecondTime()
    {
        await using var host = new BotHost();
        await using var channel = await FakeChannel.StartAsync();
        var http = host.CreateClient();

        // Paid once, honestly, over the bot's own Direct Line.
        var customer = await new DirectLineClient(http).StartAsync();
        foreach (var text in new[] { Report, "Vorbild", "Money", "receipts", "Meals", "18.50" })
        {
            await customer.PostMessageAsync(text);
        }
        using (var form = new MultipartFormDataContent())
        {
            var activity = new StringContent($$$"""{"type":"message","from":{"id":"{{{customer.UserId}}}"}}""");
            activity.Headers.ContentType = new("application/vnd.microsoft.activity");
            form.Add(activity, "activity", "blob");
            var file = new ByteArrayContent("\xFF\xD8\xFF\xE0 lunch"u8.ToArray());
            file.Headers.ContentType = new("image/jpeg");
            form.Add(file, "file", "lunch.jpg");
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/v3/directline/conversations/{customer.ConversationId}/upload?userId={customer.UserId}") { Content = form };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", customer.Token);
            Assert.Equal(HttpStatusCode.OK, (await http.SendAsync(request)).StatusCode);
        }
        await customer.PostMessageAsync("that's all");
        await customer.PostMessageAsync("yes");
        var ledger = host.Services.GetRequiredService<ICompensationLedger>();
        var first = Assert.Single((await CareGrantsAsync(ledger, "DEMO07")).SelectMany(e => e.Receipts));
        var id = CustomerCare.Schema.UploadLinks.IdOf(first.ContentUrl)!;

        // The same file under its id in capitals: the store serves it, the claim does not know it.
        var upper = "/v3/directline/attachments/" + id.ToUpperInvariant();
        var served = await http.GetAsync(upper);

        // Over /api/messages (test 1) that link is taken as a receipt: its claim must be the claim of the file it serves.
        var claims = EntitlementClaims.ForReceipts([first with { ContentUrl = upper }]);
        var original = EntitlementClaims.ForReceipts([first]);
        Assert.False(served.StatusCode == HttpStatusCode.OK && CustomerCare.Schema.UploadLinks.IdOf(upper) is not null && claims[0].Identity != original[0].Identity,
            $"the upload {id} is served under {upper} too, but its receipt claim there is {claims[0].Identity}, not {original[0].Identity}: one file, two claims");
    }

    // -----------------------------------------------------------------------------------------------------------------
    // 3. SEPA files
    // -----------------------------------------------------------------------------------------------------------------

    [Theory]
    [InlineData("..%2F..%2Fpayouts")]
    [InlineData("%2E%2E")]
    [InlineData("CC20260101000000-00000000")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public async Task AnUnknownOrOddBatch_DownloadsNothing(string batch)
    {
        await using var host = new BotHost();
        var supervisor = await CustomerCare.Tests.Supervisors.SupervisorSession.SignInAsync(host);
        var response = await supervisor.GetAsync($"/supervisors/payouts/sepa/{batch}.xml");
        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("<Document", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnAgent_CannotDownloadASepaFile_NorHandOneOver()
    {
        await using var host = new BotHost();
        var payouts = host.Services.GetRequiredService<CustomerCare.Payouts.IPayoutStore>();
        var none = await payouts.HandOverAsync("CC-EMPTY", DateTime.UtcNow, 5000, _ => "<Document/>"u8.ToArray(), CancellationToken.None);
        Assert.Empty(none);
        Assert.Null(await payouts.SepaFileAsync("CC-EMPTY", CancellationToken.None));

        var agent = await CustomerCare.Tests.Supervisors.SupervisorSession.SignInAsync(host, "Alex Agent", "agent");
        var download = await agent.GetAsync("/supervisors/payouts/sepa/CC-EMPTY.xml");
        Assert.NotEqual(HttpStatusCode.OK, download.StatusCode);
        var page = await agent.GetAsync("/supervisors/payouts");
        Assert.NotEqual(HttpStatusCode.OK, page.StatusCode);
    }
}

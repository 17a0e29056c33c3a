using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using CustomerCare.Bot.Storage;
using CustomerCare.Tests.Support;

namespace CustomerCare.Tests.Payouts;

/// <summary>
/// The whole way from a grant to money when the original payment method cannot be used, against a bot process, a
/// finance stand-in and an SMTP stand-in on loopback: finance rejects the refund, the customer is told by e-mail,
/// proves who they are with a code over Direct Line and gives a bank account; finance gets a new version under a new
/// key (one payment for one grant), and pays. The IBAN is kept unmasked only where finance needs it.
/// </summary>
public sealed class RejectedPayoutToBankTransferTests
{
    private const string Secret = "finance-and-bot-share-this-secret-0123456789";
    private const string Iban = "DE89370400440532013000";
    private const string Address = "alex.sample@example.com";

    private static string Signed(byte[] body) => "sha256=" + Convert.ToHexString(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), body)).ToLowerInvariant();

    [Fact]
    public async Task ARejectedRefund_IsToldByEMail_ThenPaidByBankTransfer_UnderANewKey_AndTheIbanStaysOutOfTranscriptsAndLogs()
    {
        await using var finance = await FinanceStandIn.StartAsync();
        await using var smtp = SmtpStandIn.Start();
        var dataPath = BotHost.TempDataPath();
        using (var bot = await BotProcess.StartAsync(dataPath,
            [
                "--Payouts:WebhookUrl", finance.WebhookUrl, "--Payouts:SigningSecret", Secret, "--Payouts:PollMilliseconds", "100", "--Payouts:NoticeSeconds", "1",
                "--Mail:SmtpHost", "127.0.0.1", "--Mail:SmtpPort", smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--Mail:Security", "None",
                "--Logging:LogLevel:Default", "Information", "--environment", "Development",
            ]))
        {
            using var http = new HttpClient { BaseAddress = new Uri(bot.Url) };
            var customer = await new DirectLineClient(http).StartAsync();
            string? watermark = null;
            async Task<string> SayAsync(string text)
            {
                await customer.PostMessageAsync(text);
                var (activities, next) = await customer.GetActivitiesAsync(watermark);
                watermark = next;
                return string.Join("\n", activities.Where(a => a!["from"]?["role"]?.GetValue<string>() == "bot").Select(a => a!["text"]?.GetValue<string>()));
            }

            await SayAsync("My flight CC400 was delayed, booking DEMO01");
            await SayAsync("Sample");
            Assert.Contains("G-", await SayAsync("yes"), StringComparison.Ordinal);
            await UntilAsync(() => finance.Accepted.Count == 1, "the grant did not reach finance");
            var reference = finance.Accepted[0]!;

            Assert.Equal(HttpStatusCode.OK, (await ReportAsync(http, reference, $$"""{"reference":"{{reference}}","status":"rejected","reason":"card account closed"}""")).StatusCode);
            await UntilAsync(() => !smtp.Received.IsEmpty, "the customer was not told of the rejection");
            var notice = Assert.Single(smtp.Received);
            Assert.Equal(Address, notice.To.Mailboxes.Single().Address);
            Assert.Contains("card account closed", notice.TextBody, StringComparison.Ordinal);
            Assert.Contains(reference, notice.Subject, StringComparison.Ordinal);

            // The conversation already named the booking: only the traveller's name is asked again.
            Assert.Contains("last name", await SayAsync("please pay it by bank transfer"), StringComparison.Ordinal);
            Assert.Contains("a•••@example.com", await SayAsync("Sample"), StringComparison.Ordinal);
            var code = await smtp.CodeSentToAsync(Address, expectedMessages: 2);
            Assert.Contains("IBAN", await SayAsync(code), StringComparison.Ordinal);
            await SayAsync("my IBAN is DE89 3704 0044 0532 0130 00");
            Assert.Contains("DE89 •••• 3000", await SayAsync("Alex Sample"), StringComparison.Ordinal);
            Assert.Contains("will be paid by bank transfer", await SayAsync("yes"), StringComparison.Ordinal);

            await UntilAsync(() => finance.Accepted.Count == 2, "the new version did not reach finance");
            Assert.Equal([reference, reference + "-1"], finance.Accepted);
            var delivered = finance.Deliveries.Last();
            Assert.Equal(Signed(delivered.Body), delivered.Signature);
            var body = JsonNode.Parse(delivered.Body)!;
            Assert.Equal(("bankTransfer", Iban, "Alex Sample", 1, reference), (body["method"]!.GetValue<string>(), body["account"]!["iban"]!.GetValue<string>(),
                body["account"]!["holder"]!.GetValue<string>(), body["revision"]!.GetValue<int>(), body["reference"]!.GetValue<string>()));

            Assert.Equal(HttpStatusCode.OK, (await ReportAsync(http, reference, $$"""{"reference":"{{reference}}","status":"paid","paidOn":"{{DateTime.UtcNow:yyyy-MM-dd}}"}""")).StatusCode);
            await SayAsync("where is my money? booking DEMO01");
            var status = await SayAsync("Sample");
            Assert.Contains("payment: paid on", status, StringComparison.Ordinal);
            Assert.Contains("to DE89 •••• 3000 (Alex Sample)", status, StringComparison.Ordinal);
            await Task.Delay(1500);
            Assert.Single(smtp.Received, m => m.Subject?.Contains("could not be paid", StringComparison.Ordinal) == true);
            Assert.DoesNotContain(bot.Output, line => KeepsTheAccount(line) || line.Contains(code, StringComparison.Ordinal));
        }

        // Only the payout outbox keeps the account unmasked; transcripts, conversation state and everything else do not.
        using var file = LiteDbFile.Open(dataPath);
        Assert.Contains(file.Database.GetCollection("payouts").FindAll(), d => d["json"].AsString.Contains(Iban, StringComparison.Ordinal));
        Assert.Contains(file.Database.GetCollectionNames(), n => n.Contains("transcript", StringComparison.OrdinalIgnoreCase));
        foreach (var name in file.Database.GetCollectionNames().Where(n => n != "payouts"))
        {
            foreach (var document in file.Database.GetCollection(name).FindAll())
            {
                var json = LiteDB.JsonSerializer.Serialize(document);
                Assert.False(KeepsTheAccount(json), $"{name} keeps the IBAN: {json[..Math.Min(300, json.Length)]}");
            }
        }
    }

    /// <summary>The account number, typed with or without spaces (the IBAN's check digits and country alone are no account).</summary>
    private static bool KeepsTheAccount(string text) => text.Contains("0532013000", StringComparison.Ordinal) || text.Contains("0532 0130", StringComparison.Ordinal);

    private static async Task<HttpResponseMessage> ReportAsync(HttpClient http, string reference, string json)
    {
        var body = Encoding.UTF8.GetBytes(json);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/payouts/{reference}/status") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new("application/json");
        request.Headers.TryAddWithoutValidation("CustomerCare-Signature", Signed(body));
        return await http.SendAsync(request);
    }

    private static async Task UntilAsync(Func<bool> done, string what, int seconds = 30)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!done())
        {
            Assert.True(DateTime.UtcNow < deadline, what);
            await Task.Delay(100);
        }
    }
}

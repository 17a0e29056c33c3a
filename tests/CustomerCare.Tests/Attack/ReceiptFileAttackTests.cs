using System.Net;
using System.Net.Http.Headers;
using CustomerCare.Ledger;
using CustomerCare.Operations;
using CustomerCare.Remedies;
using CustomerCare.Schema;
using CustomerCare.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerCare.Tests.Attack;

/// <summary>Attacks on what a receipt is: a file uploaded in this conversation, shown to agents without links of its own, of bounded size.</summary>
public sealed class ReceiptFileAttackTests
{
    private const string Report = ReceiptAttacks.Report;

    // ---------------------------------------------------------------------------------------------------------------
    // 1. A receipt must be a file the customer uploaded in this conversation
    // ---------------------------------------------------------------------------------------------------------------

    [Theory]
    [InlineData("http://evil.example/receipt.jpg")]
    [InlineData("https://evil.example/v3/directline/attachments/00000000000000000000000000000000")]
    [InlineData("http://localhost/v3/directline/attachments/does-not-exist")]
    public async Task AReceiptLinkTheClientMadeUp_IsNotPaidBack(string url)
    {
        await using var host = new BotHost();
        var http = host.CreateClient();
        var customer = await ReceiptAttacks.AtTheFileStepAsync(http);

        await ReceiptAttacks.PostAttachmentAsync(customer, "lunch.jpg", "image/jpeg", url);
        await customer.PostMessageAsync("that's all");
        await customer.PostMessageAsync("yes");

        var ledger = host.Services.GetRequiredService<ICompensationLedger>();
        var paid = (await ReceiptAttacks.CareGrantsAsync(ledger, "DEMO07")).SelectMany(e => e.Receipts).Where(r => r.ContentUrl == url).ToList();
        Assert.True(paid.Count == 0, $"a receipt whose file was never uploaded ({url}) was paid back and its link kept for agents to open");
    }

    [Fact]
    public async Task AnotherConversationsUpload_IsNotAReceiptOfThisOne()
    {
        await using var host = new BotHost();
        var http = host.CreateClient();
        // Someone else's conversation uploads a file (any capability URL leaked to, or shared with, the attacker).
        var other = await new DirectLineClient(http).StartAsync();
        await other.PostMessageAsync("hello");
        Assert.Equal(HttpStatusCode.OK, (await ReceiptAttacks.UploadAsync(http, other, "their-dinner.jpg", "image/jpeg", "\xFF\xD8\xFF\xE0 dinner"u8.ToArray())).StatusCode);
        var (activities, _) = await other.GetActivitiesAsync();
        var theirUrl = activities.Select(a => a?["attachments"]?[0]?["contentUrl"]?.GetValue<string>()).First(u => u is not null)!;

        var customer = await ReceiptAttacks.AtTheFileStepAsync(http);
        await ReceiptAttacks.PostAttachmentAsync(customer, "lunch.jpg", "image/jpeg", theirUrl);
        await customer.PostMessageAsync("that's all");
        await customer.PostMessageAsync("yes");

        var ledger = host.Services.GetRequiredService<ICompensationLedger>();
        Assert.DoesNotContain((await ReceiptAttacks.CareGrantsAsync(ledger, "DEMO07")).SelectMany(e => e.Receipts), r => r.ContentUrl == theirUrl);
    }

    [Fact]
    public async Task AnUploadsLink_IsTheBotsOwn_NotTheHostTheClientNamed()
    {
        await using var host = new BotHost();
        var http = host.CreateClient();
        var customer = await ReceiptAttacks.AtTheFileStepAsync(http);

        Assert.Equal(HttpStatusCode.OK, (await ReceiptAttacks.UploadAsync(http, customer, "lunch.jpg", "image/jpeg", "\xFF\xD8\xFF\xE0 lunch"u8.ToArray(), host: "evil.example")).StatusCode);
        await customer.PostMessageAsync("that's all");
        await customer.PostMessageAsync("yes");

        var ledger = host.Services.GetRequiredService<ICompensationLedger>();
        var receipt = Assert.Single((await ReceiptAttacks.CareGrantsAsync(ledger, "DEMO07")).SelectMany(e => e.Receipts));
        // Kept as the bot's own link (relative to its address), whatever host the client named.
        Assert.StartsWith("/v3/directline/attachments/", receipt.ContentUrl, StringComparison.Ordinal);
        Assert.DoesNotContain("evil.example", receipt.ContentUrl, StringComparison.Ordinal);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // 2. The agents' card: a file name cannot add links
    // ---------------------------------------------------------------------------------------------------------------

    [Theory]
    // A Direct Line upload keeps the name after its last '/', so neither needs a slash.
    [InlineData("lunch.jpg](javascript:alert(document.cookie)) [Approve")]
    [InlineData("x](mailto:refunds@evil.example?subject=IBAN) [lunch.jpg")]
    [InlineData("[Open the receipt](mailto:refunds@evil.example)")]
    public async Task AReceiptsFileName_CannotAddALinkToTheAgentsCard(string name)
    {
        using var conversation = new TestConversation();
        await conversation.SayAsync(Report);
        await conversation.SayAsync("Vorbild");
        await conversation.SayAsync("Money");
        await conversation.SayAsync("receipts");
        await conversation.SayAsync("Meals");
        // Above the €20 cap: €20 is granted with the receipt, and the case for the rest lists it too.
        await conversation.SayAsync("32");
        var upload = "https://bot.test/v3/directline/attachments/" + Guid.NewGuid().ToString("N");
        await conversation.SendAsync(ReceiptAttacks.File(name, "image/jpeg", upload));
        ReceiptAttacks.Drain(conversation);
        await conversation.SayAsync("that's all");
        await conversation.SayAsync("yes");
        var ledger = await conversation.Ledger.ForBookingAsync("DEMO07", CancellationToken.None);
        Assert.Contains(ledger, e => e.Receipts.Count == 1);
        var caseFile = Assert.Single(await conversation.Cases.ListOpenAsync(CancellationToken.None));

        var card = System.Text.Json.JsonDocument.Parse(CustomerCare.Bot.Teams.HandoffCard.Build(caseFile, ledger, [], []).ToJsonString()).RootElement;
        // Markdown is read in TextBlocks and in facts' values.
        var texts = card.GetProperty("body").EnumerateArray().Where(e => e.TryGetProperty("text", out _)).Select(e => e.GetProperty("text").GetString() ?? string.Empty)
            .Concat(card.GetProperty("body")[1].GetProperty("facts").EnumerateArray().Select(f => f.GetProperty("value").GetString() ?? string.Empty));
        var links = texts.SelectMany(t => System.Text.RegularExpressions.Regex.Matches(t, @"\]\(([^)\s]*)")).Select(l => l.Groups[1].Value).ToList();
        Assert.True(links.All(l => l == upload), "the card's markdown has links the customer's file name made: " + string.Join(", ", links));
    }

    [Fact]
    public async Task AReceiptsFileName_IsNotMarkupOnTheSupervisorsPage()
    {
        await using var host = new BotHost();
        var http = host.CreateClient();
        var customer = await ReceiptAttacks.AtTheFileStepAsync(http);
        Assert.Equal(HttpStatusCode.OK, (await ReceiptAttacks.UploadAsync(http, customer, "<img src=x onerror=alert(1)>.jpg", "image/jpeg", "\xFF\xD8\xFF\xE0 lunch"u8.ToArray())).StatusCode);
        await customer.PostMessageAsync("that's all");
        await customer.PostMessageAsync("yes");

        var supervisor = await CustomerCare.Tests.Supervisors.SupervisorSession.SignInAsync(host);
        var page = await supervisor.GetStringAsync($"/supervisors/conversations/directline/{customer.ConversationId}");
        Assert.Contains("Receipts: Meals 18.50 EUR", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<img src=x", page, StringComparison.Ordinal);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // 3. State and ledger size: 20 receipts of attacker-sized fields
    // ---------------------------------------------------------------------------------------------------------------

    [Fact]
    public async Task TwentyReceipts_KeepTheConversationStateAndTheLedgerEntrySmall()
    {
        using var conversation = new TestConversation();
        await conversation.SayAsync(Report);
        await conversation.SayAsync("Vorbild");
        await conversation.SayAsync("Money");
        await conversation.SayAsync("receipts");
        // A Direct Line post may be 256 KB; an upload's activity part up to 4 MB. Uri takes up to ~65,000 characters.
        var type = "image/jpeg; x=" + new string('a', 100_000);
        for (var i = 0; i < CustomerCare.Conversation.CareReceiptsFlow.MaxReceipts; i++)
        {
            await conversation.SayAsync("Meals");
            await conversation.SayAsync("1");
            await conversation.SendAsync(ReceiptAttacks.File(new string('n', 100), type, "https://bot.test/v3/directline/attachments/" + i + new string('u', 60_000)));
            ReceiptAttacks.Drain(conversation);
        }
        var state = await conversation.Storage.ReadAsync($"test/conversations/{conversation.ConversationId}", CancellationToken.None);
        Assert.NotNull(state);
        Assert.True(state.Json.Length < 512 * 1024, $"one conversation's state holds {state.Json.Length:N0} characters of receipts");
    }

    [Fact]
    public async Task NoMoreThanTwentyReceipts_AreTaken()
    {
        using var conversation = new TestConversation();
        await conversation.SayAsync(Report);
        await conversation.SayAsync("Vorbild");
        await conversation.SayAsync("Money");
        await conversation.SayAsync("receipts");
        for (var i = 0; i < 25; i++)
        {
            await conversation.SayAsync("Meals");
            await conversation.SayAsync("0.50");
            await conversation.SendAsync(ReceiptAttacks.File("r" + i + ".jpg", "image/jpeg", "https://bot.test/v3/directline/attachments/" + Guid.NewGuid().ToString("N")));
            ReceiptAttacks.Drain(conversation);
        }
        await conversation.SayAsync("that's all");
        await conversation.SayAsync("yes");
        var entries = await ReceiptAttacks.CareGrantsAsync(conversation.Ledger, "DEMO07");
        Assert.True(entries.SelectMany(e => e.Receipts).Count() <= 20);
        Assert.True(entries.SelectMany(e => e.Remedies).Where(r => r.Kind == RemedyKind.Care).Sum(r => r.Amount) <= 20m + 60m);
    }
}

using System.Net;
using System.Net.Http.Headers;
using CustomerCare.Ledger;
using CustomerCare.Operations;
using CustomerCare.Remedies;
using CustomerCare.Schema;
using CustomerCare.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerCare.Tests.Attack;

/// <summary>Attacks on care against receipts (policy 2026.12) and on the voucher choice.</summary>
public sealed class ReceiptAttackTests
{
    private const string Report = "My flight CC218 was delayed, booking DEMO07";

    // ---------------------------------------------------------------------------------------------------------------
    // Helpers
    // ---------------------------------------------------------------------------------------------------------------

    private static Activity File(string name, string type, string url) => new()
    {
        Type = ActivityTypes.Message,
        // As the bot's own Direct Line delivers an upload.
        ServiceUrl = OwnDirectLine.ServiceUrl,
        Attachments = [new Attachment { Name = name, ContentType = type, ContentUrl = url }],
    };

    private static string Drain(TestConversation conversation)
    {
        var replies = new List<string>();
        while (conversation.PendingReplies > 0)
        {
            replies.Add(conversation.NextReply().Text ?? string.Empty);
        }
        return string.Join("\n", replies);
    }

    private static async Task<string> SendInAsync(TestConversation conversation, string conversationId, Activity activity)
    {
        activity.Conversation = new ConversationAccount { Id = conversationId };
        activity.From = new ChannelAccount { Id = "user-" + conversationId, Name = "Customer", Role = RoleTypes.User };
        await conversation.SendAsync(activity);
        return Drain(conversation);
    }

    private static Task<string> SayInAsync(TestConversation conversation, string conversationId, string text)
        => SendInAsync(conversation, conversationId, new Activity { Type = ActivityTypes.Message, Text = text });

    private static async Task<IReadOnlyList<LedgerEntry>> CareGrantsAsync(ICompensationLedger ledger, string booking)
        => (await ledger.ForBookingAsync(booking, CancellationToken.None)).Where(e => e.Remedies.Any(r => r.Kind == RemedyKind.Care)).ToList();

    /// <summary>Direct Line: DEMO07 reported, money chosen, receipts started, one meal of 18.50 stated; the next post is the file.</summary>
    private static async Task<DirectLineClient> AtTheFileStepAsync(HttpClient http)
    {
        var customer = await new DirectLineClient(http).StartAsync();
        foreach (var text in new[] { Report, "Vorbild", "Money", "receipts", "Meals", "18.50" })
        {
            await customer.PostMessageAsync(text);
        }
        return customer;
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient http, DirectLineClient customer, string fileName, string type, byte[] bytes, string? host = null)
    {
        using var form = new MultipartFormDataContent();
        var activity = new StringContent($$$"""{"type":"message","from":{"id":"{{{customer.UserId}}}"}}""");
        activity.Headers.ContentType = new("application/vnd.microsoft.activity");
        form.Add(activity, "activity", "blob");
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new(type);
        form.Add(file, "file", fileName);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/v3/directline/conversations/{customer.ConversationId}/upload?userId={customer.UserId}") { Content = form };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", customer.Token);
        if (host is not null)
        {
            request.Headers.Host = host;
        }
        return await http.SendAsync(request);
    }

    /// <summary>What Web Chat never sends: a plain activity whose attachment points wherever the client likes.</summary>
    private static async Task PostAttachmentAsync(DirectLineClient customer, string name, string type, string url)
    {
        var response = await customer.SendAsync(HttpMethod.Post, $"/v3/directline/conversations/{customer.ConversationId}/activities", new
        {
            type = "message",
            from = new { id = customer.UserId },
            attachments = new[] { new { name, contentType = type, contentUrl = url } },
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

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
        var customer = await AtTheFileStepAsync(http);

        await PostAttachmentAsync(customer, "lunch.jpg", "image/jpeg", url);
        await customer.PostMessageAsync("that's all");
        await customer.PostMessageAsync("yes");

        var ledger = host.Services.GetRequiredService<ICompensationLedger>();
        var paid = (await CareGrantsAsync(ledger, "DEMO07")).SelectMany(e => e.Receipts).Where(r => r.ContentUrl == url).ToList();
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
        Assert.Equal(HttpStatusCode.OK, (await UploadAsync(http, other, "their-dinner.jpg", "image/jpeg", "\xFF\xD8\xFF\xE0 dinner"u8.ToArray())).StatusCode);
        var (activities, _) = await other.GetActivitiesAsync();
        var theirUrl = activities.Select(a => a?["attachments"]?[0]?["contentUrl"]?.GetValue<string>()).First(u => u is not null)!;

        var customer = await AtTheFileStepAsync(http);
        await PostAttachmentAsync(customer, "lunch.jpg", "image/jpeg", theirUrl);
        await customer.PostMessageAsync("that's all");
        await customer.PostMessageAsync("yes");

        var ledger = host.Services.GetRequiredService<ICompensationLedger>();
        Assert.DoesNotContain((await CareGrantsAsync(ledger, "DEMO07")).SelectMany(e => e.Receipts), r => r.ContentUrl == theirUrl);
    }

    [Fact]
    public async Task AnUploadsLink_IsTheBotsOwn_NotTheHostTheClientNamed()
    {
        await using var host = new BotHost();
        var http = host.CreateClient();
        var customer = await AtTheFileStepAsync(http);

        Assert.Equal(HttpStatusCode.OK, (await UploadAsync(http, customer, "lunch.jpg", "image/jpeg", "\xFF\xD8\xFF\xE0 lunch"u8.ToArray(), host: "evil.example")).StatusCode);
        await customer.PostMessageAsync("that's all");
        await customer.PostMessageAsync("yes");

        var ledger = host.Services.GetRequiredService<ICompensationLedger>();
        var receipt = Assert.Single((await CareGrantsAsync(ledger, "DEMO07")).SelectMany(e => e.Receipts));
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
        await conversation.SendAsync(File(name, "image/jpeg", upload));
        Drain(conversation);
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
        var customer = await AtTheFileStepAsync(http);
        Assert.Equal(HttpStatusCode.OK, (await UploadAsync(http, customer, "<img src=x onerror=alert(1)>.jpg", "image/jpeg", "\xFF\xD8\xFF\xE0 lunch"u8.ToArray())).StatusCode);
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
            await conversation.SendAsync(File(new string('n', 100), type, "https://bot.test/v3/directline/attachments/" + i + new string('u', 60_000)));
            Drain(conversation);
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
            await conversation.SendAsync(File("r" + i + ".jpg", "image/jpeg", "https://bot.test/v3/directline/attachments/" + Guid.NewGuid().ToString("N")));
            Drain(conversation);
        }
        await conversation.SayAsync("that's all");
        await conversation.SayAsync("yes");
        var entries = await CareGrantsAsync(conversation.Ledger, "DEMO07");
        Assert.True(entries.SelectMany(e => e.Receipts).Count() <= 20);
        Assert.True(entries.SelectMany(e => e.Remedies).Where(r => r.Kind == RemedyKind.Care).Sum(r => r.Amount) <= 20m + 60m);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // 4. Amounts
    // ---------------------------------------------------------------------------------------------------------------

    [Theory]
    [InlineData("-5")]
    [InlineData("0")]
    [InlineData("0.001")]
    [InlineData("18.505")]
    [InlineData("10000.01")]
    [InlineData("99999999999999999999999999999999")]
    public async Task AnOddAmount_IsAskedForAgain(string amount)
    {
        using var conversation = new TestConversation();
        await conversation.SayAsync(Report);
        await conversation.SayAsync("Vorbild");
        await conversation.SayAsync("Money");
        await conversation.SayAsync("receipts");
        await conversation.SayAsync("Meals");
        var answer = await conversation.SayAsync(amount);
        Assert.DoesNotContain("Please upload the receipt", answer, StringComparison.Ordinal);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // 5. Only for the disruption the conversation identified
    // ---------------------------------------------------------------------------------------------------------------

    [Fact]
    public async Task ReceiptsInAFreshConversation_AreNotTaken_EvenAfterAnotherConversationIdentifiedTheJourney()
    {
        using var conversation = new TestConversation();
        await SayInAsync(conversation, "a", Report);
        await SayInAsync(conversation, "a", "Vorbild");
        await SayInAsync(conversation, "a", "Money");

        var answer = await SayInAsync(conversation, "b", "I have receipts");
        Assert.Contains("Tell me about the disruption first", answer, StringComparison.Ordinal);
        Assert.Contains("Tell me about the disruption first", await SayInAsync(conversation, "c", "receipts for booking DEMO07, name Vorbild"), StringComparison.Ordinal);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // 6. The bot's grants for one disruption never add up to more than an agent may grant
    // ---------------------------------------------------------------------------------------------------------------

    private static readonly DateTime Dec5 = new(2026, 12, 5, 10, 0, 0, DateTimeKind.Utc);

    private static Booking LongWait() => new("RCPT01", [new Passenger("RCPT01-1", "Wanda", "Waiting", LoyaltyTier.Basic)],
        [new Segment("CC880", "FRA", "JFK", Dec5, Dec5.AddHours(8.5), 640, "EUR")]);

    private static FlightOperation LongWaitFlight() => new("CC880", DateOnly.FromDateTime(Dec5), "FRA", "JFK", Dec5, Dec5.AddHours(8.5),
        Dec5.AddHours(50), Dec5.AddHours(58.5), false, null, null, null, "TECHNICAL", false, EuCarrier: true);

    [Fact]
    public async Task ReceiptsAfterTheCompensation_DoNotTakeTheBotsGrantsAboveAnAgentsAuthority()
    {
        using var conversation = new TestConversation();
        await conversation.Operations.SaveAsync([LongWait()], [LongWaitFlight()]);
        await conversation.SayAsync("My flight CC880 was delayed, booking RCPT01");
        var offer = await conversation.SayAsync("Waiting");
        await conversation.SayAsync("Money");
        var first = Assert.Single(await conversation.Ledger.ForBookingAsync("RCPT01", CancellationToken.None));
        Assert.True(first.Remedies.Sum(r => r.Amount) >= 600m, offer);

        var caps = await conversation.SayAsync("receipts");
        Assert.Contains("€250.00 for meals", caps, StringComparison.Ordinal);
        foreach (var (expense, amount) in new[] { ("Meals", "250"), ("Hotel", "300"), ("Local transport", "40") })
        {
            await conversation.SayAsync(expense);
            await conversation.SayAsync(amount);
            await conversation.SendAsync(File(expense + ".jpg", "image/jpeg", "https://bot.test/v3/directline/attachments/" + Guid.NewGuid().ToString("N")));
            Drain(conversation);
        }
        await conversation.SayAsync("that's all");
        await conversation.SayAsync("yes");

        var byTheBot = (await conversation.Ledger.ForBookingAsync("RCPT01", CancellationToken.None)).Where(e => e.GrantedBy.Kind == ActorKind.Bot).SelectMany(e => e.Remedies).Sum(r => r.Amount);
        Assert.True(byTheBot <= 1000m, $"the bot alone granted {byTheBot} EUR for one disruption; an agent may grant 1000 EUR without a supervisor");
    }

    // ---------------------------------------------------------------------------------------------------------------
    // 7. One receipt, paid once: not again for another passenger of the booking
    // ---------------------------------------------------------------------------------------------------------------

    private static readonly DateTime Dec1 = new(2026, 12, 1, 9, 0, 0, DateTimeKind.Utc);

    private static Booking Family() => new("RCPT02", [new Passenger("RCPT02-1", "Anna", "Alpha", LoyaltyTier.Basic), new Passenger("RCPT02-2", "Bert", "Beta", LoyaltyTier.Basic)],
        [new Segment("CC219", "FRA", "LIS", Dec1, Dec1.AddHours(3), 210, "EUR")]);

    private static FlightOperation FamilyFlight() => new("CC219", DateOnly.FromDateTime(Dec1), "FRA", "LIS", Dec1, Dec1.AddHours(3),
        Dec1.AddHours(3.67), Dec1.AddHours(6.67), false, null, null, null, "TECHNICAL", false, EuCarrier: true);

    [Fact]
    public async Task TheSameReceipt_SentForASecondPassenger_IsNotPaidTwice()
    {
        using var conversation = new TestConversation();
        await conversation.Operations.SaveAsync([Family()], [FamilyFlight()]);
        var taxi = "https://bot.test/v3/directline/attachments/" + Guid.NewGuid().ToString("N");
        foreach (var (id, name) in new[] { ("anna", "Alpha"), ("bert", "Beta") })
        {
            await SayInAsync(conversation, id, "My flight CC219 was delayed, booking RCPT02");
            await SayInAsync(conversation, id, name);
            await SayInAsync(conversation, id, "Money");
            Assert.Contains("local transport", await SayInAsync(conversation, id, "receipts"), StringComparison.Ordinal);
            await SayInAsync(conversation, id, "Local transport");
            await SayInAsync(conversation, id, "60");
            await SendInAsync(conversation, id, File("taxi.pdf", "application/pdf", taxi));
            await SayInAsync(conversation, id, "that's all");
            await SayInAsync(conversation, id, "yes");
        }

        var paidFor = (await CareGrantsAsync(conversation.Ledger, "RCPT02")).Where(e => e.Receipts.Any(r => r.ContentUrl == taxi)).ToList();
        Assert.True(paidFor.Count <= 1, $"one taxi receipt of 60 EUR ({taxi}) was paid back {paidFor.Count} times: {string.Join(", ", paidFor.Select(e => e.Reference))}");
    }

    // ---------------------------------------------------------------------------------------------------------------
    // 8. Money and voucher for one disruption
    // ---------------------------------------------------------------------------------------------------------------

    private static async Task<DirectLineClient> AtTheOfferAsync(HttpClient http)
    {
        var customer = await new DirectLineClient(http).StartAsync();
        await customer.PostMessageAsync(Report);
        await customer.PostMessageAsync("Vorbild");
        return customer;
    }

    [Fact]
    public async Task MoneyAndVoucher_InTwoConversationsAtTheSameMoment_AreGrantedOnce()
    {
        for (var round = 0; round < 3; round++)
        {
            await using var host = new BotHost();
            var http = host.CreateClient();
            var money = await AtTheOfferAsync(http);
            var voucher = await AtTheOfferAsync(http);

            await Task.WhenAll(money.PostMessageAsync("Money"), voucher.PostMessageAsync("Voucher"));

            var ledger = host.Services.GetRequiredService<ICompensationLedger>();
            var compensation = (await ledger.ForBookingAsync("DEMO07", CancellationToken.None)).Where(e => e.Remedies.Any(r => r.Kind == RemedyKind.Compensation)).ToList();
            Assert.Single(compensation);
        }
    }

    [Fact]
    public async Task TheVoucher_ThenTheMoney_FromAnotherConversation_IsNotGrantedAgain()
    {
        using var conversation = new TestConversation();
        await SayInAsync(conversation, "a", Report);
        await SayInAsync(conversation, "a", "Vorbild");
        await SayInAsync(conversation, "a", "Voucher");
        await SayInAsync(conversation, "b", Report);
        await SayInAsync(conversation, "b", "Vorbild");
        await SayInAsync(conversation, "b", "Money");
        await SayInAsync(conversation, "b", "I'd like the money instead");

        var grants = await conversation.Ledger.ForBookingAsync("DEMO07", CancellationToken.None);
        Assert.Single(grants, e => e.Remedies.Any(r => r.Kind == RemedyKind.Compensation));
        Assert.Equal(400m, grants.SelectMany(e => e.Remedies).Where(r => r.Kind == RemedyKind.Compensation).Sum(r => r.Amount));
    }

    [Fact]
    public async Task ReceiptsInTwoConversations_ArePaidOnce()
    {
        using var conversation = new TestConversation();
        await SayInAsync(conversation, "a", Report);
        await SayInAsync(conversation, "a", "Vorbild");
        await SayInAsync(conversation, "a", "Money");
        await SayInAsync(conversation, "b", Report);
        await SayInAsync(conversation, "b", "Vorbild");
        await SayInAsync(conversation, "b", "no");
        // Both conversations open the receipts while care is still open, then both confirm.
        foreach (var id in new[] { "a", "b" })
        {
            Assert.Contains("up to", await SayInAsync(conversation, id, "receipts"), StringComparison.Ordinal);
            await SayInAsync(conversation, id, "Meals");
            await SayInAsync(conversation, id, "20");
            await SendInAsync(conversation, id, File("lunch.jpg", "image/jpeg", "https://bot.test/v3/directline/attachments/" + Guid.NewGuid().ToString("N")));
            await SayInAsync(conversation, id, "that's all");
        }
        await SayInAsync(conversation, "a", "yes");
        Assert.Contains("already granted", await SayInAsync(conversation, "b", "yes"), StringComparison.Ordinal);

        Assert.Single(await CareGrantsAsync(conversation.Ledger, "DEMO07"));
    }
}

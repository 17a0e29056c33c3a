using System.Net;
using System.Net.Http.Headers;
using CustomerCare.Ledger;
using CustomerCare.Operations;
using CustomerCare.Remedies;
using CustomerCare.Schema;
using CustomerCare.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerCare.Tests.Attack;

/// <summary>Attacks on what receipts pay: odd amounts, care for an unidentified journey, above an agent's authority, one file twice, money and voucher for one disruption.</summary>
public sealed class ReceiptPaymentAttackTests
{
    private const string Report = ReceiptAttacks.Report;

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
        await ReceiptAttacks.SayInAsync(conversation, "a", Report);
        await ReceiptAttacks.SayInAsync(conversation, "a", "Vorbild");
        await ReceiptAttacks.SayInAsync(conversation, "a", "Money");

        var answer = await ReceiptAttacks.SayInAsync(conversation, "b", "I have receipts");
        Assert.Contains("Tell me about the disruption first", answer, StringComparison.Ordinal);
        Assert.Contains("Tell me about the disruption first", await ReceiptAttacks.SayInAsync(conversation, "c", "receipts for booking DEMO07, name Vorbild"), StringComparison.Ordinal);
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
            await conversation.SendAsync(ReceiptAttacks.File(expense + ".jpg", "image/jpeg", "https://bot.test/v3/directline/attachments/" + Guid.NewGuid().ToString("N")));
            ReceiptAttacks.Drain(conversation);
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
            await ReceiptAttacks.SayInAsync(conversation, id, "My flight CC219 was delayed, booking RCPT02");
            await ReceiptAttacks.SayInAsync(conversation, id, name);
            await ReceiptAttacks.SayInAsync(conversation, id, "me");
            await ReceiptAttacks.SayInAsync(conversation, id, "Money");
            Assert.Contains("local transport", await ReceiptAttacks.SayInAsync(conversation, id, "receipts"), StringComparison.Ordinal);
            await ReceiptAttacks.SayInAsync(conversation, id, "Local transport");
            await ReceiptAttacks.SayInAsync(conversation, id, "60");
            await ReceiptAttacks.SendInAsync(conversation, id, ReceiptAttacks.File("taxi.pdf", "application/pdf", taxi));
            await ReceiptAttacks.SayInAsync(conversation, id, "that's all");
            await ReceiptAttacks.SayInAsync(conversation, id, "yes");
        }

        var paidFor = (await ReceiptAttacks.CareGrantsAsync(conversation.Ledger, "RCPT02")).Where(e => e.Receipts.Any(r => r.ContentUrl == taxi)).ToList();
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
        await ReceiptAttacks.SayInAsync(conversation, "a", Report);
        await ReceiptAttacks.SayInAsync(conversation, "a", "Vorbild");
        await ReceiptAttacks.SayInAsync(conversation, "a", "Voucher");
        await ReceiptAttacks.SayInAsync(conversation, "b", Report);
        await ReceiptAttacks.SayInAsync(conversation, "b", "Vorbild");
        await ReceiptAttacks.SayInAsync(conversation, "b", "Money");
        await ReceiptAttacks.SayInAsync(conversation, "b", "I'd like the money instead");

        var grants = await conversation.Ledger.ForBookingAsync("DEMO07", CancellationToken.None);
        Assert.Single(grants, e => e.Remedies.Any(r => r.Kind == RemedyKind.Compensation));
        Assert.Equal(400m, grants.SelectMany(e => e.Remedies).Where(r => r.Kind == RemedyKind.Compensation).Sum(r => r.Amount));
    }

    [Fact]
    public async Task ReceiptsInTwoConversations_ArePaidOnce()
    {
        using var conversation = new TestConversation();
        await ReceiptAttacks.SayInAsync(conversation, "a", Report);
        await ReceiptAttacks.SayInAsync(conversation, "a", "Vorbild");
        await ReceiptAttacks.SayInAsync(conversation, "a", "Money");
        await ReceiptAttacks.SayInAsync(conversation, "b", Report);
        await ReceiptAttacks.SayInAsync(conversation, "b", "Vorbild");
        await ReceiptAttacks.SayInAsync(conversation, "b", "no");
        // Both conversations open the receipts while care is still open, then both confirm.
        foreach (var id in new[] { "a", "b" })
        {
            Assert.Contains("up to", await ReceiptAttacks.SayInAsync(conversation, id, "receipts"), StringComparison.Ordinal);
            await ReceiptAttacks.SayInAsync(conversation, id, "Meals");
            await ReceiptAttacks.SayInAsync(conversation, id, "20");
            await ReceiptAttacks.SendInAsync(conversation, id, ReceiptAttacks.File("lunch.jpg", "image/jpeg", "https://bot.test/v3/directline/attachments/" + Guid.NewGuid().ToString("N")));
            await ReceiptAttacks.SayInAsync(conversation, id, "that's all");
        }
        await ReceiptAttacks.SayInAsync(conversation, "a", "yes");
        Assert.Contains("already granted", await ReceiptAttacks.SayInAsync(conversation, "b", "yes"), StringComparison.Ordinal);

        Assert.Single(await ReceiptAttacks.CareGrantsAsync(conversation.Ledger, "DEMO07"));
    }
}

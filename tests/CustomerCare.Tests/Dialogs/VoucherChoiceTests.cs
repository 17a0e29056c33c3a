using System.Text.RegularExpressions;
using CustomerCare.Ledger;
using CustomerCare.Remedies;
using CustomerCare.Tests.Support;

namespace CustomerCare.Tests.Dialogs;

/// <summary>
/// Money or a voucher, in English and German (DEMO07, under the policy version that offers vouchers): both side by
/// side, the voucher only when the customer picks it, the choice and the exact text shown kept in the ledger.
/// </summary>
public sealed partial class VoucherChoiceTests
{
    public sealed record Phrases(string Locale, string Report, string Offer, string Money, string Voucher, string Neither, string VoucherLine, string Declined);

    public static TheoryData<Phrases> Languages => new()
    {
        new Phrases("en-US", "My flight CC218 was delayed, booking DEMO07", "A voucher worth €520.00 (instead of €400.00 in money), valid until 11/23/2028",
            "Money", "Voucher", "Neither, thanks", "worth €520.00, valid until 11/23/2028", "nothing has been granted"),
        new Phrases("de-DE", "Mein Flug CC218 hatte Verspätung, Buchung DEMO07", "Ein Gutschein über 520,00 € (statt 400,00 € in Geld), gültig bis 23.11.2028",
            "Geld", "Gutschein", "Keins, danke", "Wert 520,00 €, gültig bis 23.11.2028", "nichts gewährt"),
    };

    private static async Task<(TestConversation Conversation, string Shown)> OfferAsync(Phrases say)
    {
        var conversation = new TestConversation(say.Locale);
        await conversation.SayAsync(say.Report);
        await conversation.SendAsync("Vorbild");
        var replies = new List<CustomerCare.Schema.Activity>();
        while (conversation.PendingReplies > 0)
        {
            replies.Add(conversation.NextReply());
        }
        var offer = replies.Last();
        var card = Assert.Single(offer.Attachments!);
        Assert.Equal("application/vnd.microsoft.card.adaptive", card.ContentType);
        Assert.Contains("ColumnSet", card.Content.ToString(), StringComparison.Ordinal);
        var shown = card.Content!.Value.GetProperty("fallbackText").GetString()!;
        Assert.Contains(say.Offer, shown, StringComparison.Ordinal);
        // Both choices are in the card itself, side by side, not only in its fallback.
        Assert.Contains(say.Offer, System.Text.RegularExpressions.Regex.Unescape(card.Content.ToString()!), StringComparison.Ordinal);
        Assert.Equal([say.Money, say.Voucher, say.Neither], offer.SuggestedActions!.Actions!.Select(a => a.Title));
        return (conversation, shown);
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task AVoucher_IsGrantedWhenPicked_WithItsCode_AndTheLedgerKeepsTheTextShown(Phrases say)
    {
        var (conversation, shown) = await OfferAsync(say);
        using var _ = conversation;

        var granted = await conversation.SayAsync(say.Voucher);
        Assert.Contains(say.VoucherLine, granted, StringComparison.Ordinal);
        var code = VoucherCode().Match(granted).Value;

        var entry = Assert.Single(await conversation.Ledger.ForBookingAsync("DEMO07", CancellationToken.None));
        var voucher = Assert.Single(entry.Remedies, r => r.AsVoucher);
        Assert.Equal((RemedyKind.Compensation, 400m, 520m, code, new DateOnly(2028, 11, 23)), (voucher.Kind, voucher.Amount, voucher.VoucherValue, voucher.VoucherCode, voucher.VoucherValidUntil));
        Assert.Equal(new RemedyChoice(true, shown), entry.Choice);
        // The status question names the voucher, its code masked.
        await conversation.SayAsync(say.Locale == "en-US" ? "did I already get something? booking DEMO07" : "Habe ich schon etwas bekommen? Buchung DEMO07");
        var status = await conversation.SayAsync("Vorbild");
        Assert.Contains(code[..6] + "••••-••••-" + code[^4..], status, StringComparison.Ordinal);
        Assert.DoesNotContain(code, status, StringComparison.Ordinal);
        // Finance pays only what stays money: care and the goodwill gesture.
        var payout = (await conversation.Payouts.FindAsync(entry.Reference, CancellationToken.None))!;
        Assert.Equal(entry.Remedies.Where(r => !r.AsVoucher).Sum(r => r.Amount), payout.Instruction.Amounts.Single().Amount);
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task MoneyPicked_GrantsNoVoucher_AndTheLedgerKeepsThatChoiceToo(Phrases say)
    {
        var (conversation, shown) = await OfferAsync(say);
        using var _ = conversation;

        var granted = await conversation.SayAsync(say.Money);
        Assert.DoesNotMatch(VoucherCode(), granted);

        var entry = Assert.Single(await conversation.Ledger.ForBookingAsync("DEMO07", CancellationToken.None));
        Assert.DoesNotContain(entry.Remedies, r => r.AsVoucher || r.VoucherCode is not null);
        Assert.Equal(new RemedyChoice(false, shown), entry.Choice);
        Assert.Equal(entry.Remedies.Sum(r => r.Amount), (await conversation.Payouts.FindAsync(entry.Reference, CancellationToken.None))!.Instruction.Amounts.Single().Amount);
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task Neither_GrantsNothing(Phrases say)
    {
        var (conversation, _) = await OfferAsync(say);
        using var __ = conversation;

        Assert.Contains(say.Declined, await conversation.SayAsync(say.Neither), StringComparison.Ordinal);
        Assert.Empty(await conversation.Ledger.ForBookingAsync("DEMO07", CancellationToken.None));
    }

    [Theory]
    [InlineData("en-US", "I don't want the voucher")]
    [InlineData("en-US", "no voucher, money please")]
    [InlineData("de-DE", "keinen Gutschein bitte")]
    public async Task ASentenceThatMentionsTheVoucher_IsNoChoiceOfIt(string locale, string answer)
    {
        var say = ((IEnumerable<object[]>)Languages).Select(row => (Phrases)row[0]).Single(p => p.Locale == locale);
        var (conversation, _) = await OfferAsync(say);
        using var __ = conversation;

        var reply = await conversation.SayAsync(answer);

        Assert.DoesNotMatch(VoucherCode(), reply);
        Assert.Empty(await conversation.Ledger.ForBookingAsync("DEMO07", CancellationToken.None));
    }

    [GeneratedRegex("V-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}")]
    private static partial Regex VoucherCode();
}

using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using CustomerCare.Grants;
using CustomerCare.Ledger;
using CustomerCare.Localization;
using CustomerCare.Payouts;
using CustomerCare.Schema;

namespace CustomerCare.Conversation;

/// <summary>
/// Money and voucher side by side (an Adaptive Card 1.5, and the same words as text): what each gives, the voucher's
/// value, validity and terms, and that the money is the customer's right. The text is what the ledger records as shown.
/// </summary>
public static class VoucherOfferCard
{
    public static (string Text, Attachment Card) Build(VoucherOffer offer, PayoutPromise promise, CultureInfo culture)
    {
        var title = BotText.Get(culture, nameof(Strings.OfferTitle));
        var money = BotText.Format(culture, nameof(Strings.OfferMoney), Total(offer.Cash, culture), promise.PaidWithinDays);
        var vouchers = offer.WithVouchers.Where(r => r.AsVoucher).ToList();
        var cashBeside = offer.WithVouchers.Where(r => !r.AsVoucher).ToList();
        var voucher = BotText.Format(culture, nameof(Strings.OfferVoucher),
            Total(vouchers.Select(r => r with { Amount = r.VoucherValue ?? r.Amount }), culture), Total(vouchers, culture), offer.ValidUntil.ToString("d", culture))
            + (cashBeside.Count > 0 ? " " + BotText.Format(culture, nameof(Strings.OfferVoucherPlusMoney), Total(cashBeside, culture)) : string.Empty);
        var terms = BotText.Get(culture, nameof(Strings.VoucherTerms));
        var moneyTitle = BotText.Get(culture, nameof(Strings.ChoiceMoney));
        var voucherTitle = BotText.Get(culture, nameof(Strings.ChoiceVoucher));
        var text = $"{title}\n• {moneyTitle}: {money}\n• {voucherTitle}: {voucher}\n{terms}";
        var card = new JsonObject
        {
            ["type"] = "AdaptiveCard",
            ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
            ["version"] = "1.5",
            ["fallbackText"] = text,
            ["body"] = new JsonArray(
                new JsonObject { ["type"] = "TextBlock", ["text"] = title, ["weight"] = "Bolder", ["wrap"] = true },
                new JsonObject
                {
                    ["type"] = "ColumnSet",
                    ["columns"] = new JsonArray(Column(moneyTitle, money), Column(voucherTitle, voucher)),
                },
                new JsonObject { ["type"] = "TextBlock", ["text"] = terms, ["wrap"] = true, ["isSubtle"] = true, ["size"] = "Small" }),
        };
        return (text, new Attachment { ContentType = ContentTypes.AdaptiveCard, Content = JsonSerializer.SerializeToElement(card, ProtocolJsonContext.Default.JsonNode) });
    }

    private static string Total(IEnumerable<GrantedRemedy> remedies, CultureInfo culture) => RemedyTexts.Total(remedies.Select(r => (r.Amount, r.Currency)), culture);

    private static JsonObject Column(string title, string body) => new()
    {
        ["type"] = "Column",
        ["width"] = "stretch",
        ["style"] = "emphasis",
        ["items"] = new JsonArray(
            new JsonObject { ["type"] = "TextBlock", ["text"] = title, ["weight"] = "Bolder", ["size"] = "Medium", ["wrap"] = true },
            new JsonObject { ["type"] = "TextBlock", ["text"] = body, ["wrap"] = true }),
    };
}

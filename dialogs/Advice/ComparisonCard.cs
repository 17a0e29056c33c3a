using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using CustomerCare.Localization;
using CustomerCare.Schema;

namespace CustomerCare.Advice;

/// <summary>The side-by-side comparison of the top products as an Adaptive Card 1.5: price, fit, whose product, and a link to each.</summary>
public static class ComparisonCard
{
    public static Attachment Build(Catalog catalog, IReadOnlyList<ProductFit> top, double maximum, CultureInfo culture)
    {
        var header = Row(BotText.Get(culture, nameof(Strings.AdviceCompareTitle)), BotText.Get(culture, nameof(Strings.AdvicePrice)), BotText.Get(culture, nameof(Strings.AdviceFit)), bold: true);
        var rows = new JsonArray { header };
        foreach (var fit in top)
        {
            var owner = BotText.Get(culture, fit.Product.Own ? nameof(Strings.AdviceOurs) : nameof(Strings.AdviceCompetitor));
            rows.Add(Row($"{fit.Product.Name} · {fit.Product.Provider} ({owner})", Money.Format(fit.Product.Price, catalog.Currency, culture), Percent(fit, maximum) + " %", bold: false));
        }
        var card = new JsonObject
        {
            ["type"] = "AdaptiveCard",
            ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
            ["version"] = "1.5",
            ["body"] = new JsonArray(new JsonObject { ["type"] = "TextBlock", ["text"] = catalog.Title.For(culture), ["weight"] = "Bolder", ["size"] = "Medium", ["wrap"] = true })
                .Concat(rows).Select(n => n?.DeepClone()).ToJsonArray(),
            ["actions"] = top.Select(f => (JsonNode?)new JsonObject
            {
                ["type"] = "Action.OpenUrl",
                ["title"] = BotText.Format(culture, nameof(Strings.AdviceOpen), f.Product.Name),
                ["url"] = f.Product.Url,
            }).ToJsonArray(),
        };
        return new Attachment { ContentType = ContentTypes.AdaptiveCard, Content = JsonSerializer.SerializeToElement(card, ProtocolJsonContext.Default.JsonNode) };
    }

    public static int Percent(ProductFit fit, double maximum) => maximum <= 0 ? 0 : (int)Math.Round(100 * fit.Score / maximum);

    private static JsonObject Row(string name, string price, string fit, bool bold) => new()
    {
        ["type"] = "ColumnSet",
        ["separator"] = true,
        ["columns"] = new JsonArray(Column(name, "stretch", bold), Column(price, "auto", bold), Column(fit, "auto", bold)),
    };

    private static JsonObject Column(string text, string width, bool bold) => new()
    {
        ["type"] = "Column",
        ["width"] = width,
        ["items"] = new JsonArray(new JsonObject { ["type"] = "TextBlock", ["text"] = text, ["wrap"] = true, ["weight"] = bold ? "Bolder" : "Default" }),
    };

    private static JsonArray ToJsonArray(this IEnumerable<JsonNode?> nodes) => new(nodes.ToArray());
}

using System.Globalization;
using CustomerCare.Localization;

namespace CustomerCare.Advice;

/// <summary>Plain-language reasons from the same scores that rank the products.</summary>
public static class AdviceTexts
{
    public static string Ranked(Catalog catalog, IReadOnlyList<ProductFit> ranking, int index, IReadOnlyDictionary<string, double> weights, double maximum, CultureInfo culture)
    {
        var fit = ranking[index];
        var owner = BotText.Get(culture, fit.Product.Own ? nameof(Strings.AdviceOurs) : nameof(Strings.AdviceCompetitor));
        var line = BotText.Format(culture, nameof(Strings.AdviceRanked), index + 1, fit.Product.Name, $"{fit.Product.Provider}, {owner}",
            Money.Format(fit.Product.Price, catalog.Currency, culture), ComparisonCard.Percent(fit, maximum));
        var strengths = fit.Contributions.Where(c => c.Value > 0 && fit.Product.Ratings.GetValueOrDefault(c.Key) >= 0.6)
            .OrderByDescending(c => c.Value).Take(3).Select(c => Label(catalog, c.Key, strong: true, culture)).ToList();
        var weaknesses = weights.Where(w => w.Value > 0 && fit.Product.Ratings.GetValueOrDefault(w.Key) < 0.4)
            .OrderByDescending(w => w.Value).Take(2).Select(w => Label(catalog, w.Key, strong: false, culture)).ToList();
        if (strengths.Count > 0)
        {
            line += " " + BotText.Format(culture, nameof(Strings.AdviceFitsBecause), string.Join(", ", strengths));
        }
        if (weaknesses.Count > 0)
        {
            line += " " + BotText.Format(culture, nameof(Strings.AdviceBut), string.Join(", ", weaknesses));
        }
        return line;
    }

    public static string Disclosure(Catalog catalog, ProductFit best, CultureInfo culture)
    {
        var own = string.Join(", ", catalog.Products.Where(p => p.Own).Select(p => p.Name));
        return BotText.Format(culture, best.Product.Own ? nameof(Strings.AdviceDisclosureOwn) : nameof(Strings.AdviceDisclosureCompetitor), own, best.Product.Name);
    }

    public static string WhyNot(Catalog catalog, IReadOnlyList<ProductFit> ranking, string productId, CultureInfo culture)
    {
        var best = ranking[0];
        var index = ranking.ToList().FindIndex(f => f.Product.Id == productId);
        if (index <= 0)
        {
            return BotText.Format(culture, nameof(Strings.AdviceWhyNotBest), best.Product.Name);
        }
        var behind = Recommender.WhereBehind(ranking[index], best).Take(3).Select(a => Label(catalog, a, strong: false, culture) + " (" + best.Product.Name + ": " + Label(catalog, a, strong: true, culture) + ")");
        return BotText.Format(culture, nameof(Strings.AdviceWhyNotAnswer), ranking[index].Product.Name, index + 1, ranking.Count, best.Product.Name, string.Join("; ", behind));
    }

    private static string Label(Catalog catalog, string attribute, bool strong, CultureInfo culture)
        => catalog.Attributes.FirstOrDefault(a => a.Id == attribute) is { } found ? (strong ? found.Strong : found.Weak).For(culture) : attribute;
}

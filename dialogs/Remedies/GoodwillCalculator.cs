using System.Globalization;

namespace CustomerCare.Remedies;

/// <summary>
/// A goodwill gesture for disruptions within the airline's control: the base amount times the tier's multiplier,
/// capped at MaxMultiplier × base, in the booking's currency. It comes on top of legal entitlements and never replaces them.
/// </summary>
public static class GoodwillCalculator
{
    public static RemedyOption? Evaluate(DisruptionFacts facts, LoyaltyTier tier, GoodwillRules rules, IReadOnlyList<RemedyOption> entitlements)
    {
        var disrupted = entitlements.Any(o => o.Kind is RemedyKind.Compensation or RemedyKind.Care or RemedyKind.InterimExpenses or RemedyKind.DowngradeRefund);
        if (facts.Extraordinary || !disrupted)
        {
            return null;
        }
        var multiplier = Math.Min(rules.Multipliers.GetValueOrDefault(tier, 1m), rules.MaxMultiplier);
        var (baseAmount, currency) = rules.BaseIn(facts.FareCurrency);
        return new RemedyOption("goodwill", RemedyKind.Goodwill, decimal.Round(baseAmount * multiplier, 2), currency, "House policy (goodwill)",
            "Goodwill", [tier.ToString(), multiplier.ToString(CultureInfo.InvariantCulture)], Automatic: true);
    }
}

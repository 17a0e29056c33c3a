using System.Globalization;

namespace CustomerCare.Remedies;

/// <summary>US DOT: involuntary denied boarding (14 CFR 250.5) and automatic refunds for significant delays (14 CFR 260).</summary>
public static class UsDotCalculator
{
    public static IEnumerable<RemedyOption> Evaluate(DisruptionFacts facts, UsRules rules)
    {
        if (facts.Kind == DisruptionKind.DeniedBoarding)
        {
            var late = ((facts.RerouteArrivalUtc ?? facts.ScheduledArrivalUtc.AddDays(1)) - facts.ScheduledArrivalUtc).TotalHours;
            var tier = rules.DeniedBoarding.FirstOrDefault(t => late <= (facts.IsUsDomestic ? t.MaxDelayHoursDomestic : t.MaxDelayHoursInternational))
                       ?? rules.DeniedBoarding[^1];
            if (tier.PercentOfFare > 0)
            {
                var amount = Math.Min(facts.OneWayFare * tier.PercentOfFare / 100m, tier.Cap);
                yield return new RemedyOption("compensation", RemedyKind.Compensation, decimal.Round(amount, 2), rules.Currency, "14 CFR 250.5",
                    "UsDeniedBoarding", [tier.PercentOfFare.ToString(CultureInfo.InvariantCulture), late.ToString("0.#", CultureInfo.InvariantCulture), tier.Cap.ToString(CultureInfo.InvariantCulture)],
                    Automatic: true);
            }
        }
        else if (facts.Kind is DisruptionKind.Delay or DisruptionKind.Cancellation or DisruptionKind.MissedConnection or DisruptionKind.Downgrade)
        {
            var threshold = facts.IsUsDomestic ? rules.SignificantDelayHoursDomestic : rules.SignificantDelayHoursInternational;
            var significant = facts.Kind is DisruptionKind.Cancellation or DisruptionKind.Downgrade || facts.ArrivalDelay.TotalHours > threshold;
            if (significant)
            {
                yield return new RemedyOption("refund", RemedyKind.Refund, facts.OneWayFare, facts.FareCurrency, "14 CFR 260.6",
                    "UsAutomaticRefund", [threshold.ToString(CultureInfo.InvariantCulture)], Automatic: true);
            }
        }
    }
}

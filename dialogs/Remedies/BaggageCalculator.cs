using System.Globalization;

namespace CustomerCare.Remedies;

/// <summary>Delayed bags: the bag fee back under 14 CFR 260 when late enough; interim purchases by house policy; lost bags go to a person.</summary>
public static class BaggageCalculator
{
    public static IEnumerable<RemedyOption> Evaluate(DisruptionFacts facts, RemedyPolicy policy, Regulation regulation)
    {
        if (facts.Kind != DisruptionKind.Baggage || facts.BagDelayHours is not { } hours)
        {
            yield break;
        }
        var currency = regulation switch { Regulation.Uk261 => policy.Uk261.Currency, Regulation.UsDot => policy.Us.Currency, _ => policy.Eu261.Currency };
        if (hours >= policy.Baggage.LostAfterDays * 24)
        {
            yield return new RemedyOption("baggage.lost", RemedyKind.InterimExpenses, 0, currency, "Montreal Convention Art. 17, 22", "BaggageLost",
                [policy.Baggage.LostAfterDays.ToString(CultureInfo.InvariantCulture)], Automatic: false, PersonNeededBecause: "LostBag");
            yield break;
        }
        var days = Math.Min(policy.Baggage.InterimMaxDays, (int)Math.Ceiling(hours / 24));
        yield return new RemedyOption("baggage.interim", RemedyKind.InterimExpenses, policy.Baggage.InterimPerDay * days, currency, "House policy (delayed bag)",
            "BaggageInterim", [days.ToString(CultureInfo.InvariantCulture)], Automatic: true);

        var feeAfter = facts.IsUsDomestic ? policy.Us.BagFeeRefundHoursDomestic : policy.Us.BagFeeRefundHoursInternational;
        if (regulation == Regulation.UsDot && hours > feeAfter && facts.BagFeePaid is > 0)
        {
            yield return new RemedyOption("baggage.fee", RemedyKind.BagFeeRefund, facts.BagFeePaid.Value, policy.Us.Currency, "14 CFR 260.7",
                "BaggageFeeRefund", [feeAfter.ToString(CultureInfo.InvariantCulture)], Automatic: true);
        }
    }
}

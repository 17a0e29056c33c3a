using System.Globalization;

namespace CustomerCare.Remedies;

/// <summary>
/// Bags under the Montreal Convention 1999 and house policy: interim purchases for each day without a delayed bag;
/// a bag still missing after the policy's days is lost (Art. 17(3)); lost and damaged bags are claims a person decides
/// up to the liability limit (Art. 22(2)); a complaint after the notice period of Art. 31(2) goes to a person too.
/// The checked-bag fee comes back under 14 CFR 260.7 when the bag was late enough.
/// </summary>
public static class BaggageCalculator
{
    public static BagOutcome OutcomeOf(BagFacts bag, BaggageRules rules) => bag.Status switch
    {
        BagStatus.Lost => BagOutcome.Lost,
        BagStatus.Damaged => BagOutcome.Damaged,
        BagStatus.Missing when bag.HoursWithout >= rules.LostAfterDays * 24 => BagOutcome.Lost,
        _ => BagOutcome.Delayed,
    };

    public static IEnumerable<RemedyOption> Evaluate(DisruptionFacts facts, RemedyPolicy policy, Regulation regulation)
    {
        if (facts.Kind != DisruptionKind.Baggage || facts.Bag is not { } bag)
        {
            yield break;
        }
        var rules = policy.Baggage;
        var currency = regulation switch { Regulation.Uk261 => policy.Uk261.Currency, Regulation.UsDot => policy.Us.Currency, _ => policy.Eu261.Currency };
        var limit = rules.LiabilityLimitOn(DateOnly.FromDateTime(facts.ScheduledDepartureUtc)).ToString(CultureInfo.InvariantCulture);
        switch (OutcomeOf(bag, rules))
        {
            case BagOutcome.Lost:
                yield return new RemedyOption("baggage.lost", RemedyKind.BaggageLiability, 0, currency, "Montreal Convention Art. 17(2), 22(2)", "BaggageLost",
                    [rules.LostAfterDays.ToString(CultureInfo.InvariantCulture), limit], Automatic: false, PersonNeededBecause: "LostBag");
                yield break;
            case BagOutcome.Damaged:
                var received = bag.ReceivedUtc ?? bag.ReportedUtc;
                var deadline = received.AddDays(rules.DamageNoticeDays);
                // The report at the airport is a complaint in writing (CJEU C-258/16 Finnair); so is this claim.
                var inTime = bag.ReportedUtc <= deadline || bag.ClaimedUtc <= deadline;
                yield return new RemedyOption("baggage.damaged", RemedyKind.BaggageLiability, 0, currency, "Montreal Convention Art. 17(2), 22(2), 31(2)",
                    inTime ? "BaggageDamaged" : "BaggageDamagedLate", [rules.DamageNoticeDays.ToString(CultureInfo.InvariantCulture), limit, IsoDay(deadline)],
                    Automatic: false, PersonNeededBecause: inTime ? "DamagedBag" : "NoticePeriodPassed");
                yield break;
        }

        var days = Math.Clamp((int)Math.Ceiling(bag.HoursWithout / 24), 1, rules.InterimMaxDays);
        // A delay is complained of in time by the report made while the bag was missing, or by this claim within the days after delivery.
        var late = bag.ReceivedUtc is { } delivered && bag.ReportedUtc > delivered.AddDays(rules.DelayNoticeDays) && bag.ClaimedUtc > delivered.AddDays(rules.DelayNoticeDays);
        yield return new RemedyOption("baggage.interim", RemedyKind.InterimExpenses, rules.InterimPerDay * days, currency, late ? "Montreal Convention Art. 19, 31(2)" : "House policy (delayed bag)",
            late ? "BaggageInterimLate" : "BaggageInterim", [days.ToString(CultureInfo.InvariantCulture), rules.DelayNoticeDays.ToString(CultureInfo.InvariantCulture)],
            Automatic: !late, PersonNeededBecause: late ? "NoticePeriodPassed" : null);

        var feeAfter = facts.IsUsDomestic ? policy.Us.BagFeeRefundHoursDomestic : policy.Us.BagFeeRefundHoursInternational;
        if (regulation == Regulation.UsDot && bag.HoursWithout > feeAfter && bag.FeePaid is > 0)
        {
            yield return new RemedyOption("baggage.fee", RemedyKind.BagFeeRefund, bag.FeePaid.Value, policy.Us.Currency, "14 CFR 260.7",
                "BaggageFeeRefund", [feeAfter.ToString(CultureInfo.InvariantCulture)], Automatic: true);
        }
    }

    private static string IsoDay(DateTime utc) => utc.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

using System.Globalization;

namespace CustomerCare.Remedies;

/// <summary>
/// Right to care (EU261 Art. 6/9; house rule under US DOT): meals from 2/3/4 h of departure delay by band,
/// a hotel when the new departure is on a later day. Extraordinary causes do not remove care. A policy version
/// that pays care against receipts offers no flat amounts: the caps for the receipts instead.
/// </summary>
public static class CareCalculator
{
    public static IEnumerable<RemedyOption> Evaluate(DisruptionFacts facts, RemedyPolicy policy, Regulation regulation)
    {
        if (Entitlement(facts, policy, regulation) is not { } care)
        {
            yield break;
        }
        var (waited, rule, currency) = care;
        if (policy.Care.Receipts is not null)
        {
            // The policy provides care against receipts: nothing flat, the customer sends what they spent.
            yield return new RemedyOption("care.receipts", RemedyKind.Care, 0m, currency, rule, "CareByReceipts",
                [waited.ToString("0.#", CultureInfo.InvariantCulture)], Automatic: true);
            yield break;
        }
        var meals = policy.Care.MealPerPersonPerThreeHours * (decimal)Math.Ceiling(waited / 3);
        yield return new RemedyOption("care.meals", RemedyKind.Care, meals, currency, rule, "CareMeals",
            [waited.ToString("0.#", CultureInfo.InvariantCulture)], Automatic: true);
        var nights = Nights(facts, waited);
        if (nights > 0)
        {
            yield return new RemedyOption("care.hotel", RemedyKind.Care, policy.Care.HotelPerNightCap * nights, currency, rule, "CareHotel",
                [nights.ToString(CultureInfo.InvariantCulture)], Automatic: true);
        }
    }

    /// <summary>The caps receipts are paid back up to, where the policy pays care against receipts and care is due.</summary>
    public static CareReceiptCaps? ReceiptCaps(DisruptionFacts facts, RemedyPolicy policy, Regulation regulation)
    {
        if (policy.Care.Receipts is not { } rates || Entitlement(facts, policy, regulation) is not { } care)
        {
            return null;
        }
        var nights = Nights(facts, care.Waited);
        return new CareReceiptCaps(
            decimal.Round(rates.MealsPerHourWaited * (decimal)Math.Ceiling(care.Waited), 2, MidpointRounding.AwayFromZero),
            rates.HotelPerNight * nights,
            rates.LocalTransportPerJourney,
            care.Currency, care.Rule, care.Waited, nights);
    }

    /// <summary>The hours waited, the rule and the currency, when they give a right to care.</summary>
    private static (double Waited, string Rule, string Currency)? Entitlement(DisruptionFacts facts, RemedyPolicy policy, Regulation regulation)
    {
        var (careFrom, rule, currency) = regulation switch
        {
            Regulation.Eu261 => (Eu261Calculator.BandFor(facts, policy.Eu261).CareFromHours, "EU261 Art. 6, 9", policy.Eu261.Currency),
            Regulation.Uk261 => (Eu261Calculator.BandFor(facts, policy.Uk261).CareFromHours, "UK261 Art. 6, 9", policy.Uk261.Currency),
            Regulation.UsDot => (policy.Us.CareFromHours, "House policy (care)", policy.Us.Currency),
            _ => (double.MaxValue, string.Empty, string.Empty),
        };
        var waited = facts.Kind switch
        {
            DisruptionKind.Cancellation or DisruptionKind.DeniedBoarding => ((facts.RerouteDepartureUtc ?? facts.ScheduledDepartureUtc) - facts.ScheduledDepartureUtc).TotalHours,
            DisruptionKind.Delay or DisruptionKind.MissedConnection => Math.Max(facts.DepartureDelay.TotalHours, facts.ArrivalDelay.TotalHours),
            _ => 0,
        };
        return waited < careFrom || waited <= 0 ? null : (waited, rule, currency);
    }

    /// <summary>Nights away: the new departure is on a later day than the scheduled one.</summary>
    private static int Nights(DisruptionFacts facts, double waited)
    {
        var newDeparture = facts.Kind is DisruptionKind.Delay or DisruptionKind.MissedConnection
            ? facts.ActualDepartureUtc ?? facts.ScheduledDepartureUtc.AddHours(waited)
            : facts.RerouteDepartureUtc ?? facts.ScheduledDepartureUtc;
        return Math.Max(0, (newDeparture.Date - facts.ScheduledDepartureUtc.Date).Days);
    }
}

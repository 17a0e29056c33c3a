using System.Globalization;

namespace CustomerCare.Remedies;

/// <summary>
/// Right to care (EU261 Art. 6/9; house rule under US DOT): meals from 2/3/4 h of departure delay by band,
/// a hotel when the new departure is on a later day. Extraordinary causes do not remove care.
/// </summary>
public static class CareCalculator
{
    public static IEnumerable<RemedyOption> Evaluate(DisruptionFacts facts, RemedyPolicy policy, Regulation regulation)
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
        if (waited < careFrom || waited <= 0)
        {
            yield break;
        }
        var meals = policy.Care.MealPerPersonPerThreeHours * (decimal)Math.Ceiling(waited / 3);
        yield return new RemedyOption("care.meals", RemedyKind.Care, meals, currency, rule, "CareMeals",
            [waited.ToString("0.#", CultureInfo.InvariantCulture)], Automatic: true);

        var newDeparture = facts.Kind is DisruptionKind.Delay or DisruptionKind.MissedConnection
            ? facts.ActualDepartureUtc ?? facts.ScheduledDepartureUtc.AddHours(waited)
            : facts.RerouteDepartureUtc ?? facts.ScheduledDepartureUtc;
        var nights = (newDeparture.Date - facts.ScheduledDepartureUtc.Date).Days;
        if (nights > 0)
        {
            yield return new RemedyOption("care.hotel", RemedyKind.Care, policy.Care.HotelPerNightCap * nights, currency, rule, "CareHotel",
                [nights.ToString(CultureInfo.InvariantCulture)], Automatic: true);
        }
    }
}

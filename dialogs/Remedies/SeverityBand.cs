using System.Globalization;

namespace CustomerCare.Remedies;

/// <summary>
/// How bad a disruption was, in the bands the regulations themselves use, so a fairness review compares like with
/// like: the arrival delay (or the substitute's or re-routing's delay), the notice of a cancellation, the bag's
/// delay — with the distance band that sets an EU/UK amount (intra-EU over 1,500 km is its own band) and a mark for
/// extraordinary circumstances, where no compensation is due.
/// </summary>
public static class SeverityBand
{
    private static readonly int[] DelayHours = [2, 3, 4];
    private static readonly int[] BagHours = [24, 24 * 7, 24 * 21];

    /// <param name="rules">The EU261 or UK261 rules that apply, for their distance bands; null outside their scope.</param>
    public static string Of(DisruptionFacts facts, Eu261Rules? rules = null)
    {
        var band = facts.Kind switch
        {
            DisruptionKind.Delay or DisruptionKind.MissedConnection => Hours(facts.ArrivalDelay.TotalHours, DelayHours),
            DisruptionKind.Cancellation => Notice(facts) + ", rerouted " + Hours(ReroutedDelayHours(facts), DelayHours),
            DisruptionKind.DeniedBoarding => "substitute " + Hours(ReroutedDelayHours(facts), DelayHours),
            DisruptionKind.Baggage => "bag " + Hours(facts.Bag?.HoursWithout ?? 0, BagHours),
            _ => "any",
        };
        if (facts.Kind is DisruptionKind.Baggage or DisruptionKind.Downgrade)
        {
            return band;
        }
        return band + ", " + Distance(facts, rules) + (facts.Extraordinary ? ", extraordinary" : string.Empty);
    }

    private static string Notice(DisruptionFacts facts)
    {
        var notice = facts.CancellationNoticeUtc is { } told ? (facts.ScheduledDepartureUtc - told).TotalDays : 0;
        return notice >= 14 ? "notice ≥ 14 d" : notice >= 7 ? "notice 7–13 d" : "notice < 7 d";
    }

    /// <summary>The re-routing's (or substitute flight's) arrival against the original one; none offered counts as the worst band.</summary>
    private static double ReroutedDelayHours(DisruptionFacts facts)
        => facts.RerouteArrivalUtc is { } arrival ? (arrival - facts.ScheduledArrivalUtc).TotalHours : double.PositiveInfinity;

    private static string Distance(DisruptionFacts facts, Eu261Rules? rules)
    {
        if (rules is not null)
        {
            var band = Eu261Calculator.BandFor(facts, rules);
            return band.Name == "intra-over-1500" ? "intra-EU > 1500 km" : band.MaxKm is { } max ? "≤ " + max.ToString("0", CultureInfo.InvariantCulture) + " km" : "> 3500 km";
        }
        var km = facts.DistanceKm;
        return km <= 1500 ? "≤ 1500 km" : km <= 3500 ? "≤ 3500 km" : "> 3500 km";
    }

    /// <summary>"&lt; 2 h", "2–3 h", "3–4 h", "≥ 4 h" for limits [2, 3, 4]; whole days as "d".</summary>
    private static string Hours(double hours, int[] limits)
    {
        if (hours < limits[0])
        {
            return "< " + Amount(limits[0]) + Unit(limits[0]);
        }
        for (var i = 1; i < limits.Length; i++)
        {
            if (hours < limits[i])
            {
                var (low, high) = (limits[i - 1], limits[i]);
                return Unit(low) == Unit(high) ? Amount(low) + "–" + Amount(high) + Unit(high) : Amount(low) + Unit(low) + "–" + Amount(high) + Unit(high);
            }
        }
        return "≥ " + Amount(limits[^1]) + Unit(limits[^1]);
    }

    private static bool InDays(int hours) => hours >= 24 && hours % 24 == 0;

    private static string Amount(int hours) => (InDays(hours) ? hours / 24 : hours).ToString(CultureInfo.InvariantCulture);

    private static string Unit(int hours) => InDays(hours) ? " d" : " h";
}

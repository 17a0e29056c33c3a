using System.Globalization;

namespace CustomerCare.Remedies;

/// <summary>
/// How bad a disruption was, in the coarse bands the regulations themselves use, so a fairness review compares
/// like with like: arrival delay (and distance, which sets the EU/UK amount), notice of a cancellation, bag delay.
/// </summary>
public static class SeverityBand
{
    public static string Of(DisruptionFacts facts) => facts.Kind switch
    {
        DisruptionKind.Delay or DisruptionKind.MissedConnection => Hours(facts.ArrivalDelay.TotalHours, [2, 3, 4]) + Distance(facts.DistanceKm),
        DisruptionKind.Cancellation => Notice(facts),
        DisruptionKind.DeniedBoarding => "substitute " + Hours(SubstituteDelayHours(facts), [1, 2, 4]) + Distance(facts.DistanceKm),
        DisruptionKind.Baggage => "bag " + Hours(facts.BagDelayHours ?? 0, [24, 24 * 7, 24 * 21]),
        _ => "any",
    };

    private static string Notice(DisruptionFacts facts)
    {
        var notice = facts.CancellationNoticeUtc is { } told ? (facts.ScheduledDepartureUtc - told).TotalDays : 0;
        var band = notice >= 14 ? "notice ≥ 14 d" : notice >= 7 ? "notice 7–13 d" : "notice < 7 d";
        return band + Distance(facts.DistanceKm);
    }

    private static double SubstituteDelayHours(DisruptionFacts facts)
        => facts.RerouteArrivalUtc is { } arrival ? (arrival - facts.ScheduledArrivalUtc).TotalHours : double.PositiveInfinity;

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

    private static string Distance(double km) => km <= 1500 ? ", ≤ 1500 km" : km <= 3500 ? ", 1500–3500 km" : ", > 3500 km";
}

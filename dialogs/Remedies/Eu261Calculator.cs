using System.Globalization;
using CustomerCare.Airports;

namespace CustomerCare.Remedies;

/// <summary>Compensation and refunds under EU261 (and UK261, same structure): Art. 5, 7, 8.</summary>
public static class Eu261Calculator
{
    public static IEnumerable<RemedyOption> Evaluate(DisruptionFacts facts, Eu261Rules rules)
    {
        var band = BandFor(facts, rules);
        var distance = Math.Round(facts.DistanceKm).ToString(CultureInfo.InvariantCulture);
        var amount = band.Amount;
        var article = rules.Regulation + " Art. 7(1)";

        if (facts.Kind is DisruptionKind.Delay or DisruptionKind.MissedConnection)
        {
            var delay = facts.ArrivalDelay.TotalHours;
            if (delay >= rules.RefundFromHours)
            {
                yield return Option("refund", RemedyKind.Refund, facts.OneWayFare, facts.FareCurrency, rules.Regulation + " Art. 8(1)(a)", "RefundOffered", [Hours(delay)]);
            }
            if (delay < rules.ArrivalDelayHours)
            {
                yield break;
            }
            if (facts.Extraordinary)
            {
                yield break;
            }
            var halved = band.MaxKm is null && delay < rules.HalvingBelowDelayHours;
            yield return Option("compensation", RemedyKind.Compensation, halved ? amount / 2 : amount, rules.Currency,
                halved ? rules.Regulation + " Art. 7(1)(c), 7(2)(c)" : article + Letter(band, rules),
                halved ? "CompensationLongHaulHalved" : "CompensationArrivalDelay", [Hours(delay), distance]);
        }
        else if (facts.Kind == DisruptionKind.Cancellation)
        {
            yield return Option("refund", RemedyKind.Refund, facts.OneWayFare, facts.FareCurrency, rules.Regulation + " Art. 5(1)(a), 8(1)", "RefundOrReroute", []);
            if (facts.Extraordinary || EnoughNotice(facts, rules.Cancellation))
            {
                yield break;
            }
            var reduced = ReroutedWithin(facts, band);
            var (explanation, args) = reduced ? ("CompensationCancellationReduced", (IReadOnlyList<string>)[NoticeDays(facts), distance]) : WhyNoticeWasNotEnough(facts, rules.Cancellation, distance);
            yield return Option("compensation", RemedyKind.Compensation, reduced ? amount / 2 : amount, rules.Currency,
                rules.Regulation + " Art. 5(1)(c), " + (reduced ? "7(2)" : "7(1)" + Letter(band, rules)), explanation, args);
        }
        else if (facts.Kind == DisruptionKind.DeniedBoarding)
        {
            var reduced = ReroutedWithin(facts, band);
            yield return Option("compensation", RemedyKind.Compensation, reduced ? amount / 2 : amount, rules.Currency,
                rules.Regulation + " Art. 4(3), " + (reduced ? "7(2)" : "7(1)" + Letter(band, rules)),
                reduced ? "CompensationDeniedBoardingReduced" : "CompensationDeniedBoarding", [distance]);
        }
    }

    /// <summary>Art. 7(1): up to 1,500 km; intra-EU over 1,500 km and others up to 3,500 km; beyond.</summary>
    public static DistanceBand BandFor(DisruptionFacts facts, Eu261Rules rules)
    {
        var distance = facts.DistanceKm;
        var intra = facts.Origin.Region == facts.Destination.Region && facts.Origin.Region is RegulatoryRegion.EU or RegulatoryRegion.UK;
        var band = rules.Bands.First(b => b.MaxKm is null || distance <= b.MaxKm);
        if (intra && band.MaxKm is null)
        {
            var middle = rules.Bands[1];
            return middle with { Name = "intra-over-1500", Amount = rules.IntraEuOver1500Amount, MaxKm = double.MaxValue };
        }
        return band;
    }

    private static bool EnoughNotice(DisruptionFacts facts, CancellationRules rules)
    {
        var notice = (facts.ScheduledDepartureUtc - (facts.CancellationNoticeUtc ?? facts.ScheduledDepartureUtc)).TotalDays;
        if (notice >= rules.NoCompensationNoticeDays)
        {
            return true;
        }
        if (facts.RerouteDepartureUtc is not { } departure || facts.RerouteArrivalUtc is not { } arrival)
        {
            return false;
        }
        var window = rules.Windows.OrderByDescending(w => w.MinNoticeDays).First(w => notice >= w.MinNoticeDays);
        var earlier = (facts.ScheduledDepartureUtc - departure).TotalHours;
        var later = (arrival - facts.ScheduledArrivalUtc).TotalHours;
        return earlier <= window.MaxEarlierDepartureHours && later <= window.MaxLaterArrivalHours;
    }

    /// <summary>
    /// Art. 5(1)(c): said as it was — too little notice with no alternative, or notice enough for an alternative that
    /// left too early or arrived too late for that notice.
    /// </summary>
    private static (string Explanation, IReadOnlyList<string> Args) WhyNoticeWasNotEnough(DisruptionFacts facts, CancellationRules rules, string distance)
    {
        var notice = NoticeDays(facts);
        if (facts.RerouteDepartureUtc is not { } departure || facts.RerouteArrivalUtc is not { } arrival)
        {
            return ("CompensationCancellation", [notice, distance]);
        }
        var days = (facts.ScheduledDepartureUtc - (facts.CancellationNoticeUtc ?? facts.ScheduledDepartureUtc)).TotalDays;
        var window = rules.Windows.OrderByDescending(w => w.MinNoticeDays).First(w => days >= w.MinNoticeDays);
        var earlier = (facts.ScheduledDepartureUtc - departure).TotalHours;
        return earlier > window.MaxEarlierDepartureHours
            ? ("CompensationCancellationRerouteEarly", [notice, Hours(earlier), distance, Hours(window.MaxEarlierDepartureHours)])
            : ("CompensationCancellationRerouteLate", [notice, Hours((arrival - facts.ScheduledArrivalUtc).TotalHours), distance, Hours(window.MaxLaterArrivalHours)]);
    }

    private static bool ReroutedWithin(DisruptionFacts facts, DistanceBand band)
        => facts.RerouteArrivalUtc is { } arrival && (arrival - facts.ScheduledArrivalUtc).TotalHours <= band.RerouteWithinHours;

    private static string Letter(DistanceBand band, Eu261Rules rules)
        => band.MaxKm is null ? "(c)" : rules.Bands[0] == band ? "(a)" : "(b)";

    private static string Hours(double hours) => hours.ToString("0.#", CultureInfo.InvariantCulture);

    private static string NoticeDays(DisruptionFacts facts)
        => Math.Floor((facts.ScheduledDepartureUtc - (facts.CancellationNoticeUtc ?? facts.ScheduledDepartureUtc)).TotalDays).ToString(CultureInfo.InvariantCulture);

    private static RemedyOption Option(string code, RemedyKind kind, decimal amount, string currency, string rule, string explanation, IReadOnlyList<string> args)
        => new(code, kind, decimal.Round(amount, 2), currency, rule, explanation, args, Automatic: true);
}

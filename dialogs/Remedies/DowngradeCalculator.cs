using System.Globalization;
using CustomerCare.Airports;

namespace CustomerCare.Remedies;

/// <summary>
/// EU261/UK261 Art. 10(2): a passenger placed in a lower class than booked gets part of the price of that flight back
/// — 30 % up to 1,500 km; 50 % for intra-EU flights beyond (except between the EU's European territory and the French
/// overseas departments) and other flights up to 3,500 km; 75 % for all others. The distance is the flight's own.
/// US rules (14 CFR 260) refund the fare difference, which a person works out.
/// </summary>
public static class DowngradeCalculator
{
    /// <summary>Guadeloupe, French Guiana, Martinique, Mayotte and Réunion (ISO 3166 codes).</summary>
    private static readonly HashSet<string> FrenchOverseasDepartments = new(StringComparer.Ordinal) { "GP", "GF", "MQ", "YT", "RE" };

    public static IEnumerable<RemedyOption> Evaluate(DisruptionFacts facts, Eu261Rules rules)
    {
        if (facts.Kind != DisruptionKind.Downgrade)
        {
            yield break;
        }
        foreach (var flight in facts.Downgrades)
        {
            var (percent, letter) = BandFor(flight, rules);
            yield return new RemedyOption("downgrade." + flight.FlightNumber, RemedyKind.DowngradeRefund, decimal.Round(flight.Fare * percent / 100m, 2), flight.Currency,
                rules.Regulation + " Art. 10(2)(" + letter + ")", "DowngradeRefund",
                [percent.ToString(CultureInfo.InvariantCulture), flight.FlightNumber, Math.Round(flight.DistanceKm).ToString(CultureInfo.InvariantCulture), CabinName(flight.Booked) + "→" + CabinName(flight.Flown)],
                Automatic: true);
        }
    }

    /// <summary>A downgrade under US rules: the fare difference back, worked out by a person from the fares of the two cabins.</summary>
    public static IEnumerable<RemedyOption> EvaluateUs(DisruptionFacts facts, UsRules rules)
    {
        if (facts.Kind != DisruptionKind.Downgrade)
        {
            yield break;
        }
        foreach (var flight in facts.Downgrades)
        {
            yield return new RemedyOption("downgrade." + flight.FlightNumber, RemedyKind.DowngradeRefund, 0, rules.Currency, "14 CFR 260.6", "DowngradeFareDifference",
                [flight.FlightNumber, CabinName(flight.Booked) + "→" + CabinName(flight.Flown)], Automatic: false, PersonNeededBecause: "FareDifference");
        }
    }

    /// <summary>The share of the fare and the letter of Art. 10(2) it comes from.</summary>
    public static (int Percent, char Letter) BandFor(DowngradeFacts flight, Eu261Rules rules)
    {
        var distance = flight.DistanceKm;
        var (first, second) = (rules.Bands[0].MaxKm ?? double.MaxValue, rules.Bands[1].MaxKm ?? double.MaxValue);
        if (distance <= first)
        {
            return (rules.Downgrade.FirstBandPercent, 'a');
        }
        var intra = flight.From.Region == flight.To.Region && flight.From.Region is RegulatoryRegion.EU or RegulatoryRegion.UK;
        var overseas = FrenchOverseasDepartments.Contains(flight.From.Country) != FrenchOverseasDepartments.Contains(flight.To.Country);
        return (intra && !overseas) || (!intra && distance <= second)
            ? (rules.Downgrade.SecondBandPercent, 'b')
            : (rules.Downgrade.BeyondPercent, 'c');
    }

    private static string CabinName(Cabin cabin) => cabin.ToString();
}

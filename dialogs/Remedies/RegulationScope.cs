using CustomerCare.Airports;

namespace CustomerCare.Remedies;

public enum Regulation
{
    None,
    Eu261,
    Uk261,
    UsDot,
}

/// <summary>
/// Which regulation covers a flight (EU261 Art. 3(1)): departing from the EU — or arriving there on an EU carrier;
/// UK261 for flights departing from the UK, or arriving there on a UK or EU carrier; US DOT rules for flights to,
/// from or within the US. Departure wins, so one disruption is never compensated under two regulations.
/// </summary>
public static class RegulationScope
{
    public static Regulation For(DisruptionFacts facts)
    {
        if (facts.Origin.Region == RegulatoryRegion.EU)
        {
            return Regulation.Eu261;
        }
        if (facts.Origin.Region == RegulatoryRegion.UK)
        {
            return Regulation.Uk261;
        }
        if (facts.Destination.Region == RegulatoryRegion.EU && facts.EuCarrier)
        {
            return Regulation.Eu261;
        }
        if (facts.Destination.Region == RegulatoryRegion.UK && (facts.UkCarrier || facts.EuCarrier))
        {
            return Regulation.Uk261;
        }
        return facts.Origin.Region == RegulatoryRegion.US || facts.Destination.Region == RegulatoryRegion.US ? Regulation.UsDot : Regulation.None;
    }
}

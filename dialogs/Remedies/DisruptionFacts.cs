using CustomerCare.Airports;

namespace CustomerCare.Remedies;

public enum DisruptionKind
{
    Delay,
    Cancellation,
    DeniedBoarding,
    MissedConnection,
    Baggage,
    Downgrade,
}

/// <summary>
/// What the operations data says happened to one passenger's journey — never what the customer claims. Times are UTC.
/// For a missed connection on one booking, the times are those of the final destination.
/// </summary>
public sealed record DisruptionFacts
{
    public required DisruptionKind Kind { get; init; }

    public required Airport Origin { get; init; }

    public required Airport Destination { get; init; }

    /// <summary>True when the operating carrier is licensed in the EU/EEA (EU261 then also covers flights into the EU).</summary>
    public bool EuCarrier { get; init; }

    public bool UkCarrier { get; init; }

    public required DateTime ScheduledDepartureUtc { get; init; }

    public required DateTime ScheduledArrivalUtc { get; init; }

    public DateTime? ActualDepartureUtc { get; init; }

    public DateTime? ActualArrivalUtc { get; init; }

    /// <summary>For a cancellation: when the passenger was told.</summary>
    public DateTime? CancellationNoticeUtc { get; init; }

    /// <summary>A re-routing offered (cancellation) or the substitute flight (denied boarding).</summary>
    public DateTime? RerouteDepartureUtc { get; init; }

    public DateTime? RerouteArrivalUtc { get; init; }

    /// <summary>Weather, air traffic control, security, bird strike — not technical faults or the airline's own strikes.</summary>
    public bool Extraordinary { get; init; }

    /// <summary>The one-way fare paid, for US denied-boarding compensation.</summary>
    public decimal OneWayFare { get; init; }

    public string FareCurrency { get; init; } = "EUR";

    /// <summary>For a bag: what its property irregularity report shows.</summary>
    public BagFacts? Bag { get; init; }

    /// <summary>For a downgrade: each flight of the journey the passenger flew in a lower cabin than booked.</summary>
    public IReadOnlyList<DowngradeFacts> Downgrades { get; init; } = [];

    /// <summary>The passenger travelled free of charge or at a fare not available to the public: outside EU261/UK261 (Art. 3(3)).</summary>
    public bool FareOutsideRegulation { get; init; }

    public double DistanceKm => Origin.DistanceKmTo(Destination);

    public TimeSpan ArrivalDelay => (ActualArrivalUtc ?? ScheduledArrivalUtc) - ScheduledArrivalUtc;

    public TimeSpan DepartureDelay => (ActualDepartureUtc ?? ScheduledDepartureUtc) - ScheduledDepartureUtc;

    public bool IsUsDomestic => Origin.Region == RegulatoryRegion.US && Destination.Region == RegulatoryRegion.US;
}

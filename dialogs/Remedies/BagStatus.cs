namespace CustomerCare.Remedies;

/// <summary>Where a reported bag stands, as the baggage tracing system records it.</summary>
public enum BagStatus
{
    /// <summary>Reported missing and not yet found.</summary>
    Missing,

    /// <summary>Found and delivered to the passenger.</summary>
    Delivered,

    /// <summary>Declared lost by the carrier.</summary>
    Lost,

    /// <summary>Received damaged (or with contents missing).</summary>
    Damaged,
}

namespace CustomerCare.Cases;

/// <summary>Where a case stands: waiting for a person, held by one, waiting for the customer's rating, or closed.</summary>
public enum CaseStatus
{
    Open,
    Taken,
    Rating,
    Closed,
}

/// <summary>The moves a case may make; a store applies a move only when it is one of these.</summary>
public static class CaseTransitions
{
    public static bool Allows(CaseStatus from, CaseStatus to) => (from, to) switch
    {
        (CaseStatus.Open, CaseStatus.Taken) => true,
        // Another agent takes a held case over explicitly; the handover is recorded.
        (CaseStatus.Taken, CaseStatus.Taken) => true,
        (CaseStatus.Taken, CaseStatus.Rating) => true,
        (CaseStatus.Rating, CaseStatus.Closed) => true,
        _ => false,
    };
}

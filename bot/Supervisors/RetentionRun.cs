namespace CustomerCare.Bot.Supervisors;

/// <summary>What one retention run deleted, and how many grants (with their payouts) it pseudonymised.</summary>
public sealed record RetentionRun(int Conversations, int ClosedCases, int Reviews, int PseudonymisedGrants)
{
    public static readonly RetentionRun Nothing = new(0, 0, 0, 0);

    public bool IsNothing => this == Nothing;

    public RetentionRun Add(RetentionRun other)
        => new(Conversations + other.Conversations, ClosedCases + other.ClosedCases, Reviews + other.Reviews, PseudonymisedGrants + other.PseudonymisedGrants);
}

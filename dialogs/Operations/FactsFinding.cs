using CustomerCare.Remedies;

namespace CustomerCare.Operations;

/// <summary>What the operations data establishes about a reported disruption of a journey.</summary>
public abstract record FactsFinding
{
    private FactsFinding()
    {
    }

    /// <summary>The facts the policy evaluates, and the flight whose record shows the disruption.</summary>
    public sealed record Established(DisruptionFacts Facts, FlightOperation Disrupted) : FactsFinding
    {
        /// <summary>The replacement flights the passenger reached the final destination on, after a rebooking; empty when they flew as booked.</summary>
        public IReadOnlyList<string> FlownOn { get; init; } = [];
    }

    /// <summary>No operations record (or an unknown airport) for a flight of the journey.</summary>
    public sealed record Missing(Segment Segment) : FactsFinding;

    /// <summary>The records do not show what the customer reported; the flight shown is the one that came closest.</summary>
    public sealed record NotShown(FlightOperation Closest) : FactsFinding;

    /// <summary>The passenger's booking holds no record of what was reported for the journey: no cabin change, or no report under that file reference.</summary>
    public sealed record NotRecorded(Journey Journey) : FactsFinding;

    /// <summary>The journey was disrupted, but its arrival at the final destination is not in the data (a missed connection, a cancelled or overbooked flight before the last).</summary>
    public sealed record ArrivalUnknown(FlightOperation Disrupted) : FactsFinding;
}

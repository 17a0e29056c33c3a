using CustomerCare.Builder;

namespace CustomerCare.Bot.Supervisors;

/// <summary>
/// What the supervisors' list shows and filters on for one customer conversation, kept up to date as transcripts,
/// grants, hand-offs, ratings and reviews are written. Immutable: every change stores a new summary.
/// </summary>
public sealed record ConversationSummary(string ChannelId, string ConversationId)
{
    public string Key => ConversationKey.Of(ChannelId, ConversationId);

    public DateTime FirstUtc { get; init; }

    public DateTime LastUtc { get; init; }

    public int Activities { get; init; }

    public string? Locale { get; init; }

    public string? CustomerId { get; init; }

    public string? CustomerName { get; init; }

    /// <summary>The customer's first message, for the list.</summary>
    public string? Preview { get; init; }

    public IReadOnlyList<string> Bookings { get; init; } = [];

    public IReadOnlyList<string> Agents { get; init; } = [];

    public string? CaseReference { get; init; }

    public bool HandedOff { get; init; }

    public int Grants { get; init; }

    public int? Rating { get; init; }

    public int? ReviewScore { get; init; }

    /// <summary>A Teams channel thread where agents work: indexed for retention, not listed as a customer conversation.</summary>
    public bool AgentsThread { get; init; }

    /// <summary>With the booking added (upper case), unless it is there already or missing.</summary>
    public ConversationSummary WithBooking(string? booking)
        => booking?.Trim().ToUpperInvariant() is not { Length: > 0 } normal || Bookings.Contains(normal) ? this : this with { Bookings = [.. Bookings, normal] };

    /// <summary>With the agent added, unless they are there already or missing.</summary>
    public ConversationSummary WithAgent(string? agent)
        => agent is null || Agents.Contains(agent) ? this : this with { Agents = [.. Agents, agent] };

    /// <summary>With a grant of the ledger counted: its booking, the agent who granted it, and its time.</summary>
    public ConversationSummary WithGrant(CustomerCare.Ledger.LedgerEntry entry)
        => (this with { Grants = Grants + 1, LastUtc = LastUtc > entry.GrantedUtc ? LastUtc : entry.GrantedUtc })
            .WithBooking(entry.Subject.BookingReference)
            .WithAgent(entry.GrantedBy.Kind == CustomerCare.Ledger.ActorKind.Agent ? entry.GrantedBy.Name : null);

    /// <summary>With a supervisor's latest review score.</summary>
    public static ConversationSummary Reviewed(ConversationSummary summary, int score) => summary with { ReviewScore = score };

    /// <summary>granted (a remedy is in the ledger), handedOff (a case was opened), abandoned (neither); true when <paramref name="outcome"/> applies (without allocating, for scans).</summary>
    public bool Has(string outcome) => outcome switch
    {
        Outcomes.Granted => Grants > 0,
        Outcomes.HandedOff => HandedOff,
        Outcomes.Abandoned => Grants == 0 && !HandedOff,
        _ => false,
    };

    /// <summary>Every outcome that applies: a hand-off in which an agent granted a remedy is both handed off and granted.</summary>
    public IReadOnlyList<string> AllOutcomes => (Grants > 0, HandedOff) switch
    {
        (true, true) => [Outcomes.HandedOff, Outcomes.Granted],
        (true, false) => [Outcomes.Granted],
        (false, true) => [Outcomes.HandedOff],
        _ => [Outcomes.Abandoned],
    };

    public string Language => Locale is { Length: >= 2 } locale ? locale[..2].ToLowerInvariant() : "en";
}

/// <summary>The outcomes a supervisor filters on.</summary>
public static class Outcomes
{
    public const string Granted = "granted";
    public const string HandedOff = "handedOff";
    public const string Abandoned = "abandoned";
}

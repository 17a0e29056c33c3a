namespace CustomerCare.Cases;

/// <summary>A case as a supervisor reviews it: who took it and when, handovers, when it ended, the rating, the agents' notes.</summary>
public sealed record CaseHistory(CaseFile Case, CaseStatus Status, string? AgentId, string? AgentName, DateTime? TakenUtc, DateTime? EndedUtc, int? Rating, IReadOnlyList<CaseNote> Notes, bool CallbackRequested)
{
    public IReadOnlyList<CaseHandover> Handovers { get; init; } = [];

    /// <summary>The address the customer asked to be written to; shown to no one, but part of what is held about them.</summary>
    public string? CallbackEmail { get; init; }
}

public sealed record CaseNote(string Author, string Text, DateTime AtUtc);

/// <summary>An agent took a held case over from another.</summary>
public sealed record CaseHandover(string FromAgentId, string? FromAgentName, string ToAgentId, string ToAgentName, DateTime AtUtc);

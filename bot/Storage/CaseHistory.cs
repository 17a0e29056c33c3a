using CustomerCare.Cases;

namespace CustomerCare.Bot.Storage;

/// <summary>A case as a supervisor reviews it: who took it and when, when it ended, the rating, the agents' notes.</summary>
public sealed record CaseHistory(CaseFile Case, string Status, string? AgentId, string? AgentName, DateTime? TakenUtc, DateTime? EndedUtc, int? Rating, IReadOnlyList<CaseNote> Notes, bool CallbackRequested);

public sealed record CaseNote(string Author, string Text, DateTime AtUtc);

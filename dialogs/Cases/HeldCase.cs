namespace CustomerCare.Cases;

/// <summary>A case with its hand-off state: who holds it, where its agents' thread is, and the customer's rating.</summary>
public sealed record HeldCase(CaseFile Case, CaseStatus Status, string? AgentId, string? AgentName, AgentThread? Thread, int? Rating)
{
    /// <summary>Only the agent who holds a case may speak to its customer, grant, override or end it.</summary>
    public bool IsHeldBy(string agentId) => Status == CaseStatus.Taken && string.Equals(AgentId, agentId, StringComparison.Ordinal);
}

/// <summary>Where a case was posted for agents: the thread, the Teams service that hosts it, the bot's id there and the card's message.</summary>
public sealed record AgentThread(string ThreadId, string ServiceUrl, string BotId, string? CardActivityId);

namespace CustomerCare.Cases;

/// <summary>Tells the agents that a case waits for them (in Teams, a new thread in the agents' channel).</summary>
public interface IAgentNotifier
{
    /// <summary>True when the case reached agents who are at work now; false when no one can see it yet.</summary>
    Task<bool> NotifyAsync(CaseFile caseFile, CancellationToken cancellationToken);
}

/// <summary>No agents' channel configured: the case stays open and is listed for people to pick up.</summary>
public sealed class NoAgentNotifier : IAgentNotifier
{
    public Task<bool> NotifyAsync(CaseFile caseFile, CancellationToken cancellationToken) => Task.FromResult(false);
}

namespace CustomerCare.Cases;

/// <summary>Where open cases are kept until a person takes them.</summary>
public interface ICaseStore
{
    /// <summary>Durably records the case; returns only once it is stored.</summary>
    Task OpenAsync(CaseFile caseFile, CancellationToken cancellationToken);

    Task<IReadOnlyList<CaseFile>> ListOpenAsync(CancellationToken cancellationToken);

    Task<CaseFile?> FindAsync(string reference, CancellationToken cancellationToken);

    /// <summary>Atomically gives an open case to one agent; whoever comes second learns who has it.</summary>
    Task<CaseClaim> TryTakeAsync(string reference, string agentId, string agentName, CancellationToken cancellationToken);
}

/// <summary>The outcome of taking a case: who holds it now, and whether this caller got it.</summary>
public sealed record CaseClaim(bool Found, bool TakenByCaller, string? AgentId, string? AgentName, bool Newly = false)
{
    public static CaseClaim Missing { get; } = new(false, false, null, null);
}

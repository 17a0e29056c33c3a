namespace CustomerCare.Cases;

/// <summary>
/// Told of each committed change to a case that the supervisors' conversation list shows, by a case store that keeps
/// its cases outside the list's own store. The list is a read model: a listener logs its failures and never throws.
/// </summary>
public interface ICaseChanges
{
    Task OpenedAsync(CaseFile caseFile);

    /// <summary>An agent took the case, or took it over.</summary>
    Task HeldByAsync(CaseFile caseFile, string agentName);

    Task RatedAsync(CaseFile caseFile, int rating);
}

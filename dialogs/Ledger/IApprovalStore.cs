namespace CustomerCare.Ledger;

/// <summary>
/// Requests for approval above an agent's authority, and their decisions. Each request is decided exactly once: an
/// approval is recorded by the ledger in the same transaction as its grant (<see cref="GrantRequest.Approval"/>), a
/// decline here.
/// </summary>
public interface IApprovalStore
{
    /// <summary>Durably records the request; when one is already pending that holds any of the same claims for the same passenger, returns that one instead.</summary>
    Task<ApprovalRequest> RequestAsync(ApprovalRequest request, IReadOnlyCollection<EntitlementClaim> claims, CancellationToken cancellationToken);

    Task<ApprovalRequest?> FindAsync(string id, CancellationToken cancellationToken);

    /// <summary>Pending requests, oldest first, then the latest decided ones, newest first.</summary>
    Task<IReadOnlyList<ApprovalRequest>> ListAsync(int decidedToShow, CancellationToken cancellationToken);

    /// <summary>Atomically declines a pending request; whoever comes second gets the request as it was decided.</summary>
    Task<ApprovalTransition> TryDeclineAsync(string id, GrantActor supervisor, DateTime atUtc, string? note, CancellationToken cancellationToken);
}

/// <summary>The outcome of deciding a request.</summary>
public abstract record ApprovalTransition
{
    private ApprovalTransition()
    {
    }

    public sealed record Decided(ApprovalRequest Request) : ApprovalTransition;

    public sealed record AlreadyDecided(ApprovalRequest Request) : ApprovalTransition;

    public sealed record NotFound : ApprovalTransition;
}

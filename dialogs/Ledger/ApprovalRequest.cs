using CustomerCare.Remedies;

namespace CustomerCare.Ledger;

public enum ApprovalStatus
{
    Pending,
    Approved,
    Declined,
}

/// <summary>
/// A grant an agent asked for above their authority, exactly as the grant path derived it, waiting for a supervisor.
/// Once approved it is recorded as asked, with the requester and the approver; declined, nothing is granted.
/// </summary>
public sealed record ApprovalRequest(
    string Id,
    string? CaseReference,
    PassengerJourney Who,
    GrantSubject Subject,
    IReadOnlyList<GrantedRemedy> Remedies,
    IReadOnlyList<RemedyKind> StandsInFor,
    string PolicyVersion,
    string? OverrideReason,
    LoyaltyTier Tier,
    string? SeverityBand,
    GrantActor RequestedBy,
    DateTime RequestedUtc,
    AuthorityVerdict.Above Why)
{
    public ApprovalStatus Status { get; init; } = ApprovalStatus.Pending;

    public GrantActor? DecidedBy { get; init; }

    public DateTime? DecidedUtc { get; init; }

    /// <summary>The grant's reference once an approval was recorded in the ledger.</summary>
    public string? GrantReference { get; init; }

    /// <summary>Why a supervisor declined, or why an approved request could not be granted.</summary>
    public string? Note { get; init; }

    /// <summary>The grant this request turns into when approved.</summary>
    public GrantRequest ToGrant(GrantActor approver, DateTime approvedUtc) => new(
        Who, Subject, Remedies, PolicyVersion, approver with { Channel = RequestedBy.Channel, ConversationId = RequestedBy.ConversationId },
        CustomerConfirmed: true, OverrideReason: OverrideReason, Tier: Tier, SeverityBand: SeverityBand)
    {
        StandsInFor = StandsInFor,
        Approval = new GrantApproval(Id, RequestedBy, RequestedUtc, approvedUtc),
    };

    /// <summary>Nobody approves their own request: the same account, or the same name where an account id is missing.</summary>
    public bool IsRequestedBy(GrantActor actor)
        => string.Equals(actor.Id, RequestedBy.Id, StringComparison.OrdinalIgnoreCase)
           || (actor.Name is { } name && RequestedBy.Name is { } requester && string.Equals(name.Trim(), requester.Trim(), StringComparison.OrdinalIgnoreCase));
}

namespace CustomerCare.Ledger;

/// <summary>A grant above its requester's authority: who asked and when, and when it was approved (the approver is the grant's actor).</summary>
public sealed record GrantApproval(string ApprovalId, GrantActor RequestedBy, DateTime RequestedUtc, DateTime ApprovedUtc);

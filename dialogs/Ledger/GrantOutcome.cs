namespace CustomerCare.Ledger;

/// <summary>What a grant attempt came to. Expected outcomes are values, not exceptions.</summary>
public abstract record GrantOutcome
{
    private GrantOutcome()
    {
    }

    /// <summary>Recorded durably; the customer may now be told the reference.</summary>
    public sealed record Granted(LedgerEntry Entry) : GrantOutcome;

    /// <summary>Someone already granted this entitlement (any booking, channel or person): what, when, where and by whom.</summary>
    public sealed record AlreadyGranted(LedgerEntry Existing) : GrantOutcome;

    /// <summary>Above the requester's authority: waiting for a supervisor's decision; nothing was granted yet.</summary>
    public sealed record NeedsApproval(ApprovalRequest Request) : GrantOutcome;

    /// <summary>The request breaks a rule; nothing was recorded.</summary>
    public sealed record Refused(GrantRefusal Reason) : GrantOutcome;
}

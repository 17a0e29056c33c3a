namespace CustomerCare.Ledger;

/// <summary>What a grant attempt came to. Expected outcomes are values, not exceptions.</summary>
public abstract record GrantOutcome
{
    private GrantOutcome()
    {
    }

    /// <summary>Recorded durably; the customer may now be told the reference.</summary>
    public sealed record Granted(LedgerEntry Entry) : GrantOutcome;

    /// <summary>Someone already granted this entitlement (any channel): what, when, where and by whom.</summary>
    public sealed record AlreadyGranted(LedgerEntry Existing) : GrantOutcome;

    /// <summary>The request breaks a rule (no consent, voucher worth less than the cash, …); nothing was recorded.</summary>
    public sealed record Refused(string Reason) : GrantOutcome;
}

using CustomerCare.Ledger;
using CustomerCare.Remedies;

namespace CustomerCare.Grants;

/// <summary>Whether care receipts can be paid back for a claim, and up to what.</summary>
public abstract record ReceiptsAssessment
{
    private ReceiptsAssessment()
    {
    }

    /// <summary>Care is due and not yet granted: receipts are paid back up to <paramref name="Caps"/>.</summary>
    public sealed record Open(Assessment.Assessed Assessed, CareReceiptCaps Caps) : ReceiptsAssessment;

    /// <summary>Care for this journey was granted already (flat or against receipts).</summary>
    public sealed record AlreadyGranted(LedgerEntry Entry) : ReceiptsAssessment;

    /// <summary>No right to care (too short a wait), or the policy version gives flat care instead.</summary>
    public sealed record NoneDue(bool FlatCare) : ReceiptsAssessment;

    public sealed record FactsNotEstablished : ReceiptsAssessment;
}

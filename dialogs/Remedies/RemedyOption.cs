namespace CustomerCare.Remedies;

public enum RemedyKind
{
    /// <summary>Statutory cash compensation (EU261/UK261 Art. 7, US denied boarding).</summary>
    Compensation,

    /// <summary>Right to care: meals, calls, hotel and transfers.</summary>
    Care,

    /// <summary>Refund of the ticket instead of travelling.</summary>
    Refund,

    /// <summary>Refund of a checked-bag fee.</summary>
    BagFeeRefund,

    /// <summary>Reimbursement of interim purchases while a bag is delayed.</summary>
    InterimExpenses,

    /// <summary>Part of the fare back for a flight flown in a lower cabin than booked (EU261 Art. 10(2)).</summary>
    DowngradeRefund,

    /// <summary>A Montreal Convention claim for a lost or damaged bag, decided by a person up to the liability limit.</summary>
    BaggageLiability,

    /// <summary>A goodwill gesture on top of the legal floor, varying by loyalty tier within a cap.</summary>
    Goodwill,
}

/// <summary>
/// One remedy the policy proposes: what, how much, the rule and article it rests on, why (an explanation key with
/// its arguments, rendered in the customer's language), and whether the bot may grant it or a person must decide.
/// </summary>
public sealed record RemedyOption(
    string Code,
    RemedyKind Kind,
    decimal Amount,
    string Currency,
    string Rule,
    string Explanation,
    IReadOnlyList<string> ExplanationArguments,
    bool Automatic,
    string? PersonNeededBecause = null);

namespace CustomerCare.Remedies;

/// <summary>What the policy proposes for one disruption: the options, the regulation applied, and the version used.</summary>
public sealed record RemedyProposal(string PolicyVersion, string? Regulation, IReadOnlyList<RemedyOption> Options)
{
    /// <summary>The disruption's severity band (see <see cref="Remedies.SeverityBand"/>), recorded with a grant for the fairness report.</summary>
    public string SeverityBand { get; init; } = "any";

    /// <summary>The policy version's voucher rules, where it offers vouchers.</summary>
    public VoucherRules? Vouchers { get; init; }

    /// <summary>Set when the regulation does not cover this passenger, with the article that says so ("EU261 Art. 3(3)").</summary>
    public string? NotCoveredBy { get; init; }

    public bool NeedsPerson => Options.Any(o => !o.Automatic);
}

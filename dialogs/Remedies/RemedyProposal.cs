namespace CustomerCare.Remedies;

/// <summary>What the policy proposes for one disruption: the options, the regulation applied, and the version used.</summary>
public sealed record RemedyProposal(string PolicyVersion, string? Regulation, IReadOnlyList<RemedyOption> Options)
{
    public bool NeedsPerson => Options.Any(o => !o.Automatic);
}

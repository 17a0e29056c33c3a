namespace CustomerCare.Ledger.Fairness;

/// <summary>What was granted for one disruption kind and severity band (in one currency), broken down three ways.</summary>
public sealed record FairnessGroup(
    string Kind,
    string SeverityBand,
    string Currency,
    AmountStatistics All,
    int GrantedAutomatically,
    int GrantedByAgents,
    int RefusedSecondGrants,
    IReadOnlyList<FairnessCell> ByTier,
    IReadOnlyList<FairnessCell> ByChannel,
    IReadOnlyList<FairnessCell> ByAgent)
{
    /// <summary>Share of grants the bot made on its own, 0–1.</summary>
    public double AutomaticShare => All.Count == 0 ? 0 : (double)GrantedAutomatically / All.Count;
}

/// <summary>One row of a breakdown: a tier, a channel or an agent ("bot" for automatic grants).</summary>
public sealed record FairnessCell(string Dimension, string Value, AmountStatistics Amounts);

/// <summary>An agent's override, with the reason they had to give.</summary>
public sealed record OverrideRecord(string Reference, string Kind, string SeverityBand, string Agent, decimal Amount, string Currency, string Reason, DateTime GrantedUtc);

/// <summary>The whole report: groups, overrides and the second grants the ledger refused.</summary>
public sealed record FairnessReport(IReadOnlyList<FairnessGroup> Groups, IReadOnlyList<OverrideRecord> Overrides, int RefusedSecondGrants, int Grants);

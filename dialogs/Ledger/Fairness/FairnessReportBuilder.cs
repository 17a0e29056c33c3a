namespace CustomerCare.Ledger.Fairness;

/// <summary>
/// Builds the fairness report from ledger entries: the same disruption (kind and severity band) should get the same
/// remedy whatever the customer's tier, the channel or the agent. Each entry counts once, at its total in its currency.
/// </summary>
public static class FairnessReportBuilder
{
    public const string Unbanded = "unbanded";

    /// <param name="refusedGrantReferences">For every second-grant attempt the ledger refused (in the same period), the reference of the grant it collided with.</param>
    public static FairnessReport Build(IEnumerable<LedgerEntry> entries, IEnumerable<string> refusedGrantReferences)
    {
        var grants = entries.Select(e => (Entry: e, Currency: e.Remedies.Count > 0 ? e.Remedies[0].Currency : "EUR")).ToList();
        var refusals = refusedGrantReferences.ToList();
        // A refused attempt belongs to the group of the grant it collided with.
        var groupOfGrant = grants.ToDictionary(g => g.Entry.Reference, g => (Kind: g.Entry.Subject.Kind.ToString(), Band: g.Entry.SeverityBand ?? Unbanded, g.Currency), StringComparer.Ordinal);
        var groups = grants
            .GroupBy(g => (Kind: g.Entry.Subject.Kind.ToString(), Band: g.Entry.SeverityBand ?? Unbanded, g.Currency))
            .OrderBy(g => g.Key.Kind, StringComparer.Ordinal).ThenBy(g => g.Key.Band, StringComparer.Ordinal).ThenBy(g => g.Key.Currency, StringComparer.Ordinal)
            .Select(g =>
            {
                var list = g.Select(x => (x.Entry, Amount: x.Entry.Total(x.Currency))).ToList();
                return new FairnessGroup(
                    g.Key.Kind, g.Key.Band, g.Key.Currency,
                    AmountStatistics.Of(list.ConvertAll(x => x.Amount)),
                    list.Count(x => x.Entry.GrantedBy.Kind == ActorKind.Bot),
                    list.Count(x => x.Entry.GrantedBy.Kind != ActorKind.Bot),
                    refusals.Count(reference => groupOfGrant.TryGetValue(reference, out var group) && group == g.Key),
                    Breakdown("tier", list, x => x.Tier.ToString()),
                    Breakdown("channel", list, x => x.GrantedBy.Channel),
                    Breakdown("agent", list, AgentOf));
            })
            .ToList();
        var overrides = grants.Where(g => g.Entry.OverrideReason is not null)
            .OrderBy(g => g.Entry.GrantedUtc)
            .Select(g => new OverrideRecord(g.Entry.Reference, g.Entry.Subject.Kind.ToString(), g.Entry.SeverityBand ?? Unbanded,
                AgentOf(g.Entry), g.Entry.Total(g.Currency), g.Currency, g.Entry.OverrideReason!, g.Entry.GrantedUtc))
            .ToList();
        return new FairnessReport(groups, overrides, refusals.Count, grants.Count);
    }

    /// <summary>Who decided: "bot", the agent, or for an approved grant the agent who asked for it.</summary>
    private static string AgentOf(LedgerEntry entry) => (entry.Approval?.RequestedBy ?? entry.GrantedBy).DisplayName;

    private static List<FairnessCell> Breakdown(string dimension, List<(LedgerEntry Entry, decimal Amount)> list, Func<LedgerEntry, string> value)
        => list.GroupBy(x => value(x.Entry), StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new FairnessCell(dimension, g.Key, AmountStatistics.Of(g.Select(x => x.Amount).ToList())))
            .ToList();
}

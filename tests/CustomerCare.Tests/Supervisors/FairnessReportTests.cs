using CustomerCare.Ledger;
using CustomerCare.Ledger.Fairness;
using CustomerCare.Remedies;

namespace CustomerCare.Tests.Supervisors;

/// <summary>The fairness report against a seeded set of grants whose figures were worked out by hand (below).</summary>
public sealed class FairnessReportTests
{
    private static LedgerEntry Grant(string reference, DisruptionKind kind, string band, decimal amount, LoyaltyTier tier, string channel, string? agent, string? overrideReason = null)
        => new(reference, new GrantSubject("P-" + reference, "BK" + reference, "CC400", new DateOnly(2025, 3, 14), kind),
            [new GrantedRemedy("comp", RemedyKind.Compensation, amount, "EUR", "EU261 Art. 7")], "2025.01",
            new GrantActor(agent is null ? ActorKind.Bot : ActorKind.Agent, agent ?? "bot", agent, channel, "conv-" + reference),
            new DateTime(2025, 3, 15, 10, 0, 0, DateTimeKind.Utc), overrideReason, tier, band);

    /// <summary>
    /// Delay "≥ 4 h, 1500–3500 km": 400 (Basic, directline, bot), 400 (Gold, directline, bot), 500 (Gold, msteams, Ada),
    /// 300 (Basic, msteams, Bob).
    ///   all: n=4, mean=(400+400+500+300)/4=400, deviations 0,0,100,−100 → variance=(0+0+10000+10000)/4=5000 → σ=70.71, range 300–500.
    ///   Basic: 400, 300 → mean 350, σ=50. Gold: 400, 500 → mean 450, σ=50.
    ///   directline: 400, 400 → mean 400, σ=0. msteams: 500, 300 → mean 400, σ=100.
    ///   bot: 2 × 400 → 400; Ada 500; Bob 300. Automatic 2 of 4 = 0.5; one override (Ada, reason given).
    /// Cancellation "notice &lt; 7 d, ≤ 1500 km": one 250 (Platinum, directline, bot) → mean 250, σ 0.
    /// Refusals (the references of the grants they collided with): two with Delay grants 1 and 3, one with a grant not in the period → Delay group 2,
    /// Cancellation group 0, total 3.
    /// </summary>
    private static FairnessReport Seeded() => FairnessReportBuilder.Build(
        [
            Grant("1", DisruptionKind.Delay, "≥ 4 h, 1500–3500 km", 400, LoyaltyTier.Basic, "directline", null),
            Grant("2", DisruptionKind.Delay, "≥ 4 h, 1500–3500 km", 400, LoyaltyTier.Gold, "directline", null),
            Grant("3", DisruptionKind.Delay, "≥ 4 h, 1500–3500 km", 500, LoyaltyTier.Gold, "msteams", "Ada", "Missed a wedding"),
            Grant("4", DisruptionKind.Delay, "≥ 4 h, 1500–3500 km", 300, LoyaltyTier.Basic, "msteams", "Bob"),
            Grant("5", DisruptionKind.Cancellation, "notice < 7 d, ≤ 1500 km", 250, LoyaltyTier.Platinum, "directline", null),
        ],
        ["1", "3", "G-NOTINPERIOD"]);

    [Fact]
    public void Groups_HaveTheHandComputedCountsMeansAndSpread()
    {
        var report = Seeded();
        Assert.Equal((5, 3), (report.Grants, report.RefusedSecondGrants));
        Assert.Equal(["Cancellation", "Delay"], report.Groups.Select(g => g.Kind));
        var delay = report.Groups.Single(g => g.Kind == "Delay");
        Assert.Equal(new AmountStatistics(4, 400m, 70.71m, 300m, 500m), delay.All);
        Assert.Equal((2, 2, 0.5, 2), (delay.GrantedAutomatically, delay.GrantedByAgents, delay.AutomaticShare, delay.RefusedSecondGrants));
        Assert.Equal(new AmountStatistics(2, 350m, 50m, 300m, 400m), delay.ByTier.Single(c => c.Value == "Basic").Amounts);
        Assert.Equal(new AmountStatistics(2, 450m, 50m, 400m, 500m), delay.ByTier.Single(c => c.Value == "Gold").Amounts);
        Assert.Equal(new AmountStatistics(2, 400m, 0m, 400m, 400m), delay.ByChannel.Single(c => c.Value == "directline").Amounts);
        Assert.Equal(new AmountStatistics(2, 400m, 100m, 300m, 500m), delay.ByChannel.Single(c => c.Value == "msteams").Amounts);
        Assert.Equal(["Ada", "Bob", "bot"], delay.ByAgent.Select(c => c.Value));
        Assert.Equal([500m, 300m, 400m], delay.ByAgent.Select(c => c.Amounts.Mean));

        var cancellation = report.Groups.Single(g => g.Kind == "Cancellation");
        Assert.Equal(new AmountStatistics(1, 250m, 0m, 250m, 250m), cancellation.All);
        Assert.Equal(0, cancellation.RefusedSecondGrants);
    }

    [Fact]
    public void Overrides_AreListedWithTheirReasons()
    {
        var single = Assert.Single(Seeded().Overrides);
        Assert.Equal(("3", "Ada", 500m, "Missed a wedding"), (single.Reference, single.Agent, single.Amount, single.Reason));
    }

    [Fact]
    public void Csv_HasAHeader_AndOneLinePerGroupAndBreakdownValue()
    {
        var csv = FairnessCsv.Write(Seeded());
        Assert.StartsWith("\uFEFF", csv, StringComparison.Ordinal);
        var lines = csv.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(FairnessCsv.Header, lines[0]);
        // Cancellation: all + 1 tier + 1 channel + 1 agent = 4; Delay: all + 2 tiers + 2 channels + 3 agents = 8; 1 override.
        Assert.Equal(1 + 4 + 8 + 1, lines.Length);
        Assert.Contains("Delay,\"≥ 4 h, 1500–3500 km\",EUR,all,all,4,400.00,70.71,300.00,500.00,0.5,2,", lines);
        Assert.Contains("Delay,\"≥ 4 h, 1500–3500 km\",EUR,tier,Gold,2,450.00,50.00,400.00,500.00,0.5,2,", lines);
        Assert.Equal("Delay,\"≥ 4 h, 1500–3500 km\",EUR,override,Ada,1,500.00,0.00,500.00,500.00,,,Missed a wedding", lines[^1]);
    }
}

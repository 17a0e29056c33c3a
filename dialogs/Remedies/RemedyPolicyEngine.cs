namespace CustomerCare.Remedies;

/// <summary>
/// Evaluates the policy in force on the day of the flight: the legal entitlements (the same for everyone), care,
/// baggage, and a tier goodwill gesture within its cap. Pure: no I/O, the same facts always give the same options;
/// the bot and the agents use this same engine.
/// </summary>
public sealed class RemedyPolicyEngine(RemedyPolicyBook policies)
{
    public RemedyProposal Evaluate(DisruptionFacts facts, LoyaltyTier tier)
    {
        var policy = policies.InForceOn(DateOnly.FromDateTime(facts.ScheduledDepartureUtc));
        var regulation = RegulationScope.For(facts);
        // Art. 3(3): a free or non-public fare puts the passenger outside EU261/UK261 altogether, care included; a bag's claim is not under it.
        var notCovered = facts.FareOutsideRegulation && regulation is Regulation.Eu261 or Regulation.Uk261;
        var legal = notCovered ? [] : regulation switch
        {
            Regulation.Eu261 => Eu261Calculator.Evaluate(facts, policy.Eu261).Concat(DowngradeCalculator.Evaluate(facts, policy.Eu261)),
            Regulation.Uk261 => Eu261Calculator.Evaluate(facts, policy.Uk261).Concat(DowngradeCalculator.Evaluate(facts, policy.Uk261)),
            Regulation.UsDot => UsDotCalculator.Evaluate(facts, policy.Us).Concat(DowngradeCalculator.EvaluateUs(facts, policy.Us)),
            _ => [],
        };
        var options = legal
            .Concat(notCovered ? [] : CareCalculator.Evaluate(facts, policy, regulation))
            .Concat(BaggageCalculator.Evaluate(facts, policy, regulation))
            .ToList();
        if (GoodwillCalculator.Evaluate(facts, tier, policy.Goodwill, options) is { } goodwill)
        {
            options.Add(goodwill);
        }
        // A bag's claim rests on the Montreal Convention (and house policy), whichever regulation covers the flight.
        return new RemedyProposal(policy.Version, facts.Kind == DisruptionKind.Baggage ? "Montreal Convention" : DisplayName(regulation), options.Select(o => WithinAuthority(o, policy)).ToList())
        {
            NotCoveredBy = notCovered ? DisplayName(regulation) + " Art. 3(3)" : null,
            Vouchers = policy.Vouchers is { UpliftPercent: > 0, ValidityMonths: > 0 } vouchers ? vouchers : null,
            SeverityBand = SeverityBand.Of(facts, regulation switch
            {
                Regulation.Eu261 => policy.Eu261,
                Regulation.Uk261 => policy.Uk261,
                _ => null,
            }),
        };
    }

    /// <summary>The caps care receipts are paid back up to, where the version in force pays care against receipts and care is due.</summary>
    public CareReceiptCaps? ReceiptCapsFor(DisruptionFacts facts)
        => facts.FareOutsideRegulation && RegulationScope.For(facts) is Regulation.Eu261 or Regulation.Uk261
            ? null
            : CareCalculator.ReceiptCaps(facts, policies.InForceOn(DateOnly.FromDateTime(facts.ScheduledDepartureUtc)), RegulationScope.For(facts));

    /// <summary>Whether the bot may grant this much on its own for the disruption (the version's automatic approval limit).</summary>
    public bool WithinAutomaticLimit(DisruptionFacts facts, decimal amount, string currency)
        => policies.InForceOn(DateOnly.FromDateTime(facts.ScheduledDepartureUtc)).AutomaticApprovalLimit.TryGetValue(currency, out var limit) && amount <= limit;

    /// <summary>What the policy in force on the day of the flight makes of a reported bag.</summary>
    public BagOutcome? BagOutcomeOf(DisruptionFacts facts)
        => facts.Bag is { } bag ? BaggageCalculator.OutcomeOf(bag, policies.InForceOn(DateOnly.FromDateTime(facts.ScheduledDepartureUtc)).Baggage) : null;

    /// <summary>The policy version in force for flights on that day.</summary>
    public string VersionOn(DateOnly day) => policies.InForceOn(day).Version;

    private static string? DisplayName(Regulation regulation) => regulation switch
    {
        Regulation.Eu261 => "EU261",
        Regulation.Uk261 => "UK261",
        Regulation.UsDot => "US DOT",
        _ => null,
    };

    /// <summary>Above the automatic approval limit — or in a currency the policy sets no limit for — a person decides.</summary>
    private static RemedyOption WithinAuthority(RemedyOption option, RemedyPolicy policy)
        => !option.Automatic ? option
            : !policy.AutomaticApprovalLimit.TryGetValue(option.Currency, out var limit) ? option with { Automatic = false, PersonNeededBecause = "NoAutomaticLimit" }
            : option.Amount > limit ? option with { Automatic = false, PersonNeededBecause = "OverAutomaticLimit" }
            : option;
}

using CustomerCare.Airports;
using CustomerCare.Remedies;

namespace CustomerCare.Tests.Remedies;

/// <summary>Worked examples for downgrades (EU261 Art. 10(2), each band) and bags (Montreal Convention, each outcome), with the shipped policy file.</summary>
public sealed class DowngradeAndBagPolicyTests
{
    private static readonly RemedyPolicyEngine Engine = new(RemedyPolicyBook.Embedded);
    private static readonly DateTime Departure = new(2026, 11, 22, 10, 0, 0, DateTimeKind.Utc);

    private static Airport At(string iata) => AirportDirectory.Embedded.Find(iata)!;

    private static DisruptionFacts Downgraded(string from, string to, decimal fare, Cabin booked = Cabin.Business, Cabin flown = Cabin.Economy, bool freeTicket = false) => new()
    {
        Kind = DisruptionKind.Downgrade,
        Origin = At(from),
        Destination = At(to),
        EuCarrier = true,
        ScheduledDepartureUtc = Departure,
        ScheduledArrivalUtc = Departure.AddHours(3),
        FareCurrency = "EUR",
        FareOutsideRegulation = freeTicket,
        Downgrades = [new DowngradeFacts("CC1", At(from), At(to), fare, "EUR", booked, flown)],
    };

    private static RemedyOption Refund(DisruptionFacts facts) => Engine.Evaluate(facts, LoyaltyTier.Basic).Options.Single(o => o.Kind == RemedyKind.DowngradeRefund);

    [Theory]
    [InlineData("FRA", "MUC", 200, 60, "EU261 Art. 10(2)(a)")] // 300 km: 30 %
    [InlineData("FRA", "LIS", 480, 240, "EU261 Art. 10(2)(b)")] // intra-EU, 1,880 km: 50 %
    [InlineData("FRA", "IST", 400, 200, "EU261 Art. 10(2)(b)")] // not intra-EU, 1,500-3,500 km: 50 %
    [InlineData("FRA", "JFK", 600, 450, "EU261 Art. 10(2)(c)")] // not intra-EU, over 3,500 km: 75 %
    [InlineData("CDG", "RUN", 700, 525, "EU261 Art. 10(2)(c)")] // intra-EU, but the European territory to a French overseas department: 75 %
    [InlineData("LHR", "EDI", 150, 45, "UK261 Art. 10(2)(a)")]
    public void ADowngrade_PaysBackItsBandsShareOfTheFlightsFare(string from, string to, decimal fare, decimal expected, string rule)
    {
        var refund = Refund(Downgraded(from, to, fare));

        Assert.Equal((expected, rule, true), (refund.Amount, refund.Rule, refund.Automatic));
    }

    [Fact]
    public void ADowngradeRefundAboveTheAutomaticLimit_NeedsAPerson()
        => Assert.Equal(("OverAutomaticLimit", 900m), (Refund(Downgraded("FRA", "JFK", 1200)).PersonNeededBecause, Refund(Downgraded("FRA", "JFK", 1200)).Amount));

    [Fact]
    public void AFlightFlownInTheCabinBooked_OrAFreeTicket_PaysNoDowngradeRefund()
    {
        Assert.DoesNotContain(Engine.Evaluate(Downgraded("FRA", "LIS", 480) with { Downgrades = [] }, LoyaltyTier.Basic).Options, o => o.Kind == RemedyKind.DowngradeRefund);
        Assert.DoesNotContain(Engine.Evaluate(Downgraded("FRA", "LIS", 480, freeTicket: true), LoyaltyTier.Basic).Options, o => o.Kind == RemedyKind.DowngradeRefund);
    }

    [Fact]
    public void ADowngradeUnderUsRules_GoesToAPersonForTheFareDifference()
    {
        var refund = Refund(Downgraded("JFK", "LAX", 600));

        Assert.Equal(("14 CFR 260.6", false, "FareDifference"), (refund.Rule, refund.Automatic, refund.PersonNeededBecause));
    }

    private static DisruptionFacts Bag(BagStatus status, double hoursWithout, DateTime? received = null, DateTime? reported = null, DateTime? claimed = null, string from = "FRA", string to = "MAD") => new()
    {
        Kind = DisruptionKind.Baggage,
        Origin = At(from),
        Destination = At(to),
        EuCarrier = true,
        ScheduledDepartureUtc = Departure,
        ScheduledArrivalUtc = Departure.AddHours(2.5),
        Bag = new BagFacts(status, hoursWithout, reported ?? Departure.AddHours(3), received, claimed ?? Departure.AddDays(3)),
    };

    private static IReadOnlyList<RemedyOption> Options(DisruptionFacts facts) => Engine.Evaluate(facts, LoyaltyTier.Basic).Options;

    [Theory]
    [InlineData(5, 50)] // a day begun counts
    [InlineData(53, 150)] // 2 days 5 h: 3 days
    [InlineData(24 * 9, 150)] // at most 3 days
    public void ADelayedBag_PaysInterimPurchasesPerDayWithoutIt(double hours, decimal expected)
    {
        var interim = Options(Bag(BagStatus.Delivered, hours, received: Departure.AddHours(2.5 + hours))).Single(o => o.Kind == RemedyKind.InterimExpenses);

        Assert.Equal((expected, true), (interim.Amount, interim.Automatic));
    }

    [Fact]
    public void ABagDeclaredLost_OrStillMissingAfter21Days_IsAMontrealClaimForAPerson_UpToTheLimitOnTheFlightsDay()
    {
        var declared = Options(Bag(BagStatus.Lost, 30)).Single();
        var missing = Options(Bag(BagStatus.Missing, 21 * 24, claimed: Departure.AddDays(22))).Single();
        var beforeTheRevision = Options(Bag(BagStatus.Lost, 30) with { ScheduledDepartureUtc = new DateTime(2024, 11, 1, 10, 0, 0, DateTimeKind.Utc) }).Single();

        Assert.All([declared, missing], o => Assert.Equal((RemedyKind.BaggageLiability, false, "LostBag", "1519"), (o.Kind, o.Automatic, o.PersonNeededBecause, o.ExplanationArguments[1])));
        Assert.Equal("1288", beforeTheRevision.ExplanationArguments[1]);
    }

    [Fact]
    public void AStillMissingBag_Before21Days_IsDelayed()
        => Assert.Equal(RemedyKind.InterimExpenses, Options(Bag(BagStatus.Missing, 20 * 24)).Single(o => o.Kind != RemedyKind.Goodwill).Kind);

    [Fact]
    public void ADamagedBag_ReportedWithin7DaysOfReceipt_IsAClaimForAPerson_AndOneComplainedOfLater_IsMarkedLate()
    {
        var received = Departure.AddHours(3);
        var inTime = Options(Bag(BagStatus.Damaged, 0, received: received, reported: received.AddDays(6), claimed: received.AddDays(30))).Single();
        var late = Options(Bag(BagStatus.Damaged, 0, received: received, reported: received.AddDays(8), claimed: received.AddDays(9))).Single();

        Assert.Equal((RemedyKind.BaggageLiability, "BaggageDamaged", "DamagedBag"), (inTime.Kind, inTime.Explanation, inTime.PersonNeededBecause));
        Assert.Equal(("BaggageDamagedLate", "NoticePeriodPassed", false), (late.Explanation, late.PersonNeededBecause, late.Automatic));
        Assert.Equal("2026-11-29", inTime.ExplanationArguments[2]);
    }

    [Fact]
    public void ADelayedBagComplainedOfOnlyAfter21DaysFromDelivery_GoesToAPerson()
    {
        var delivered = Departure.AddDays(2);
        var interim = Options(Bag(BagStatus.Delivered, 40, received: delivered, reported: delivered.AddDays(22), claimed: delivered.AddDays(23))).Single(o => o.Kind == RemedyKind.InterimExpenses);

        Assert.Equal((false, "NoticePeriodPassed"), (interim.Automatic, interim.PersonNeededBecause));
    }

    [Fact]
    public void ABagClaim_RestsOnTheMontrealConvention_WhicheverRegulationCoversTheFlight()
        => Assert.Equal("Montreal Convention", Engine.Evaluate(Bag(BagStatus.Delivered, 30, received: Departure.AddHours(33)), LoyaltyTier.Basic).Regulation);
}

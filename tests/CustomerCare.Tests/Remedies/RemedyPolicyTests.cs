using CustomerCare.Airports;
using CustomerCare.Remedies;

namespace CustomerCare.Tests.Remedies;

/// <summary>Worked examples from the regulations, evaluated with the shipped policy file.</summary>
public sealed class RemedyPolicyTests
{
    private static readonly RemedyPolicyEngine Engine = new(RemedyPolicyBook.Embedded);
    private static readonly DateTime Departure = new(2026, 6, 1, 10, 0, 0, DateTimeKind.Utc);

    private static DisruptionFacts Flight(string from, string to, DisruptionKind kind, double arrivalLateHours = 0, bool euCarrier = true,
        double? noticeDays = null, double? rerouteEarlierHours = null, double? rerouteLaterHours = null, bool extraordinary = false,
        decimal fare = 300, DateTime? departure = null, double? bagDelayHours = null, decimal? bagFee = null, double? departureLateHours = null)
    {
        var scheduledDeparture = departure ?? Departure;
        var origin = AirportDirectory.Embedded.Find(from)!;
        var destination = AirportDirectory.Embedded.Find(to)!;
        var flightTime = TimeSpan.FromHours(origin.DistanceKmTo(destination) / 800 + 0.5);
        var scheduledArrival = scheduledDeparture + flightTime;
        return new DisruptionFacts
        {
            Kind = kind,
            Origin = origin,
            Destination = destination,
            EuCarrier = euCarrier,
            ScheduledDepartureUtc = scheduledDeparture,
            ScheduledArrivalUtc = scheduledArrival,
            ActualDepartureUtc = scheduledDeparture.AddHours(departureLateHours ?? arrivalLateHours),
            ActualArrivalUtc = scheduledArrival.AddHours(arrivalLateHours),
            CancellationNoticeUtc = noticeDays is { } days ? scheduledDeparture.AddDays(-days) : null,
            RerouteDepartureUtc = rerouteEarlierHours is { } earlier ? scheduledDeparture.AddHours(-earlier) : null,
            RerouteArrivalUtc = rerouteLaterHours is { } later ? scheduledArrival.AddHours(later) : null,
            Extraordinary = extraordinary,
            OneWayFare = fare,
            FareCurrency = origin.Region == RegulatoryRegion.US ? "USD" : "EUR",
            Bag = bagDelayHours is { } without
                ? new BagFacts(BagStatus.Missing, without, scheduledArrival.AddHours(1), ReceivedUtc: null, scheduledArrival.AddHours(without)) { FeePaid = bagFee }
                : null,
        };
    }

    private static RemedyOption? Compensation(DisruptionFacts facts) => Engine.Evaluate(facts, LoyaltyTier.Basic).Options.SingleOrDefault(o => o.Kind == RemedyKind.Compensation);

    [Theory]
    [InlineData("FRA", "MUC", 3.2, 250, "EU261 Art. 7(1)(a)")]
    [InlineData("FRA", "MUC", 2.9, null, null)]
    [InlineData("FRA", "ATH", 3.5, 400, "EU261 Art. 7(1)(b)")]
    [InlineData("FRA", "IST", 3.5, 400, "EU261 Art. 7(1)(b)")]
    [InlineData("HEL", "TFS", 3.5, 400, "EU261 Art. 7(1)(b)")]
    [InlineData("FRA", "JFK", 3.5, 300, "EU261 Art. 7(1)(c), 7(2)(c)")]
    [InlineData("FRA", "JFK", 4.5, 600, "EU261 Art. 7(1)(c)")]
    [InlineData("LHR", "JFK", 4.5, 520, "UK261 Art. 7(1)(c)")]
    [InlineData("LHR", "JFK", 3.5, 260, "UK261 Art. 7(1)(c), 7(2)(c)")]
    [InlineData("MAN", "EDI", 3.0, 220, "UK261 Art. 7(1)(a)")]
    public void ArrivalDelay_EarnsTheBandsAmount_HalvedForLongHaulUnderFourHours(string from, string to, double late, int? amount, string? rule)
    {
        var option = Compensation(Flight(from, to, DisruptionKind.Delay, late));

        Assert.Equal(amount, (int?)option?.Amount);
        Assert.Equal(rule, option?.Rule);
    }

    [Fact]
    public void FlightIntoTheEu_IsCoveredOnlyOnAnEuCarrier()
    {
        Assert.Equal(600, Compensation(Flight("JFK", "FRA", DisruptionKind.Delay, 4.5, euCarrier: true))!.Amount);
        Assert.Null(Compensation(Flight("JFK", "FRA", DisruptionKind.Delay, 4.5, euCarrier: false)));
        Assert.Equal("US DOT", Engine.Evaluate(Flight("JFK", "FRA", DisruptionKind.Delay, 4.5, euCarrier: false), LoyaltyTier.Basic).Regulation);
    }

    [Fact]
    public void ExtraordinaryCause_RemovesTheCash_ButNotCareOrTheRefund()
    {
        var proposal = Engine.Evaluate(Flight("FRA", "JFK", DisruptionKind.Delay, 5, extraordinary: true), LoyaltyTier.Gold);

        Assert.DoesNotContain(proposal.Options, o => o.Kind is RemedyKind.Compensation or RemedyKind.Goodwill);
        Assert.Contains(proposal.Options, o => o.Code == "care.meals" && o.Amount == 24);
        Assert.Contains(proposal.Options, o => o.Kind == RemedyKind.Refund && o.Rule == "EU261 Art. 8(1)(a)");
    }

    [Theory]
    [InlineData(15, null, null, null)]
    [InlineData(14, null, null, null)]
    [InlineData(10, 1.0, 3.0, null)]
    [InlineData(10, 3.0, 3.0, 250)]
    [InlineData(10, 1.0, 5.0, 250)]
    [InlineData(3, 0.5, 1.5, null)]
    [InlineData(3, 0.5, 2.5, 250)]
    [InlineData(3, null, null, 250)]
    public void Cancellation_NoticeWindowsOfArticle5(double noticeDays, double? earlier, double? later, int? amount)
    {
        var facts = Flight("FRA", "MUC", DisruptionKind.Cancellation, noticeDays: noticeDays, rerouteEarlierHours: earlier, rerouteLaterHours: later);

        Assert.Equal(amount, (int?)Compensation(facts)?.Amount);
        Assert.Contains(Engine.Evaluate(facts, LoyaltyTier.Basic).Options, o => o.Kind == RemedyKind.Refund);
    }

    [Theory]
    [InlineData("FRA", "JFK", 3.5, 300)]
    [InlineData("FRA", "JFK", 4.5, 600)]
    [InlineData("FRA", "ATH", 2.5, 200)]
    public void Cancellation_ReRoutedCloseToSchedule_IsHalved_Article7_2(string from, string to, double later, int amount)
    {
        var facts = Flight(from, to, DisruptionKind.Cancellation, noticeDays: 2, rerouteEarlierHours: 0, rerouteLaterHours: later);

        Assert.Equal(amount, (int)Compensation(facts)!.Amount);
    }

    [Theory]
    [InlineData(5, 400)]
    [InlineData(2, 200)]
    public void DeniedBoarding_InTheEu_IsCompensatedAtOnce_HalvedWhenReRoutedWithinTheBandsWindow(double later, int amount)
        => Assert.Equal(amount, (int)Compensation(Flight("FRA", "ATH", DisruptionKind.DeniedBoarding, rerouteEarlierHours: 0, rerouteLaterHours: later))!.Amount);

    [Theory]
    [InlineData("2026-06-01", 300, 0.5, null)]
    [InlineData("2026-06-01", 300, 1.5, 600)]
    [InlineData("2026-06-01", 300, 3.0, 1200)]
    [InlineData("2026-06-01", 700, 1.5, 1075)]
    [InlineData("2026-06-01", 700, 3.0, 2150)]
    [InlineData("2025-01-10", 500, 1.5, 775)]
    [InlineData("2025-01-10", 500, 3.0, 1550)]
    [InlineData("2025-01-22", 500, 1.5, 1000)]
    public void UsDeniedBoarding_Domestic_200Or400PercentOfTheFare_CappedByTheRulesInForce(string day, int fare, double later, int? amount)
    {
        var departure = DateTime.SpecifyKind(DateTime.Parse(day, System.Globalization.CultureInfo.InvariantCulture).AddHours(15), DateTimeKind.Utc);
        var facts = Flight("JFK", "LAX", DisruptionKind.DeniedBoarding, fare: fare, departure: departure, rerouteEarlierHours: 0, rerouteLaterHours: later);

        Assert.Equal(amount, (int?)Compensation(facts)?.Amount);
    }

    [Theory]
    [InlineData(1.5, 600)]
    [InlineData(3.5, 600)]
    [InlineData(4.5, 1200)]
    public void UsDeniedBoarding_International_UsesTheOneToFourHourTier(double later, int amount)
        => Assert.Equal(amount, (int)Compensation(Flight("JFK", "DXB", DisruptionKind.DeniedBoarding, rerouteEarlierHours: 0, rerouteLaterHours: later))!.Amount);

    [Theory]
    [InlineData("JFK", "LAX", 3.5, true)]
    [InlineData("JFK", "LAX", 2.5, false)]
    [InlineData("JFK", "DXB", 5.0, false)]
    [InlineData("JFK", "DXB", 6.5, true)]
    public void UsAutomaticRefund_AfterASignificantDelay(string from, string to, double late, bool refund)
        => Assert.Equal(refund, Engine.Evaluate(Flight(from, to, DisruptionKind.Delay, late), LoyaltyTier.Basic).Options.Any(o => o.Kind == RemedyKind.Refund));

    [Fact]
    public void DelayedBag_OnAUsDomesticFlight_FeeBackAfter12Hours_AndInterimPurchases()
    {
        var options = Engine.Evaluate(Flight("JFK", "LAX", DisruptionKind.Baggage, bagDelayHours: 30, bagFee: 35), LoyaltyTier.Basic).Options;

        Assert.Contains(options, o => o.Kind == RemedyKind.BagFeeRefund && o.Amount == 35 && o.Rule == "14 CFR 260.7");
        Assert.Contains(options, o => o.Kind == RemedyKind.InterimExpenses && o.Amount == 100);
    }

    [Fact]
    public void LostBag_GoesToAPerson()
    {
        var proposal = Engine.Evaluate(Flight("FRA", "MUC", DisruptionKind.Baggage, bagDelayHours: 22 * 24), LoyaltyTier.Basic);

        Assert.True(proposal.NeedsPerson);
        Assert.Equal("LostBag", proposal.Options.Single(o => !o.Automatic).PersonNeededBecause);
    }

    [Fact]
    public void AmountAboveTheAutomaticLimit_NeedsAPerson()
    {
        var option = Compensation(Flight("JFK", "LAX", DisruptionKind.DeniedBoarding, fare: 300, rerouteEarlierHours: 0, rerouteLaterHours: 3))!;

        Assert.False(option.Automatic);
        Assert.Equal("OverAutomaticLimit", option.PersonNeededBecause);
    }

    [Theory]
    [InlineData(LoyaltyTier.Basic, 25)]
    [InlineData(LoyaltyTier.Silver, 31.25)]
    [InlineData(LoyaltyTier.Gold, 37.5)]
    [InlineData(LoyaltyTier.Platinum, 50)]
    public void Goodwill_VariesByTier_WithinTwiceTheBase_AndTheLegalAmountIsTheSameForEveryone(LoyaltyTier tier, double goodwill)
    {
        var proposal = Engine.Evaluate(Flight("FRA", "MUC", DisruptionKind.Delay, 3.5), tier);

        Assert.Equal((decimal)goodwill, proposal.Options.Single(o => o.Kind == RemedyKind.Goodwill).Amount);
        Assert.Equal(250, proposal.Options.Single(o => o.Kind == RemedyKind.Compensation).Amount);
        Assert.True(proposal.Options.Single(o => o.Kind == RemedyKind.Goodwill).Amount <= 2 * 25);
    }

    [Fact]
    public void Care_StartsByBand_AndAHotelWhenTheFlightLeavesNextDay()
    {
        var shortHaul = Engine.Evaluate(Flight("FRA", "MUC", DisruptionKind.Delay, 2.5), LoyaltyTier.Basic).Options;
        var overnight = Engine.Evaluate(Flight("FRA", "JFK", DisruptionKind.Delay, 16, departure: new DateTime(2026, 6, 1, 18, 0, 0, DateTimeKind.Utc)), LoyaltyTier.Basic).Options;

        Assert.Contains(shortHaul, o => o.Code == "care.meals" && o.Amount == 12);
        Assert.Contains(overnight, o => o.Code == "care.hotel" && o.Amount == 150);
        Assert.Contains(overnight, o => o.Code == "care.meals" && o.Amount == 72);
    }

    [Fact]
    public void PolicyVersion_FollowsTheDayOfTheFlight()
    {
        Assert.Equal("2024.10", Engine.Evaluate(Flight("JFK", "LAX", DisruptionKind.DeniedBoarding, departure: new DateTime(2025, 1, 21, 12, 0, 0, DateTimeKind.Utc), rerouteLaterHours: 3), LoyaltyTier.Basic).PolicyVersion);
        Assert.Equal("2025.01", Engine.Evaluate(Flight("JFK", "LAX", DisruptionKind.DeniedBoarding, departure: new DateTime(2025, 1, 22, 12, 0, 0, DateTimeKind.Utc), rerouteLaterHours: 3), LoyaltyTier.Basic).PolicyVersion);
    }

    [Fact]
    public void Evaluation_IsDeterministic()
    {
        var facts = Flight("FRA", "JFK", DisruptionKind.Cancellation, noticeDays: 2, rerouteEarlierHours: 0, rerouteLaterHours: 3.5);

        Assert.Equivalent(Engine.Evaluate(facts, LoyaltyTier.Gold), Engine.Evaluate(facts, LoyaltyTier.Gold), strict: true);
    }

    [Fact]
    public void ACancellationWithEnoughNoticeButATooLateAlternative_SaysThatTheAlternativeWasLate()
    {
        // Told 10 days ahead: no compensation if the alternative leaves ≤ 2 h earlier and arrives ≤ 4 h later. It arrived 6 h later.
        var option = Compensation(Flight("FRA", "MUC", DisruptionKind.Cancellation, noticeDays: 10, rerouteEarlierHours: 0, rerouteLaterHours: 6))!;

        Assert.Equal(("CompensationCancellationRerouteLate", 250m), (option.Explanation, option.Amount));
        Assert.Equal(["10", "6", "300", "4"], option.ExplanationArguments);
        Assert.Equal("€250.00 compensation — the flight was cancelled 10 days before departure, and the alternative offered arrived 6 h after the original time, more than the 4 h allowed with that notice (EU261 Art. 5(1)(c), 7(1)(a)).",
            CustomerCare.Conversation.RemedyTexts.Line(option, System.Globalization.CultureInfo.GetCultureInfo("en-US")));
        Assert.Equal("CompensationCancellationRerouteEarly", Compensation(Flight("FRA", "MUC", DisruptionKind.Cancellation, noticeDays: 10, rerouteEarlierHours: 3, rerouteLaterHours: 3))!.Explanation);
        Assert.Equal("CompensationCancellation", Compensation(Flight("FRA", "MUC", DisruptionKind.Cancellation, noticeDays: 3))!.Explanation);
    }

    [Theory]
    [InlineData("JFK", "LAX", "USD", 25)]
    [InlineData("FRA", "MUC", "EUR", 25)]
    [InlineData("LHR", "EDI", "GBP", 20)]
    public void Goodwill_IsInTheBookingsCurrency(string from, string to, string currency, decimal amount)
    {
        var facts = Flight(from, to, DisruptionKind.Delay, 3.5) with { FareCurrency = currency };

        var goodwill = Engine.Evaluate(facts, LoyaltyTier.Basic).Options.Single(o => o.Kind == RemedyKind.Goodwill);

        Assert.Equal((amount, currency), (goodwill.Amount, goodwill.Currency));
    }
}

using CustomerCare.Airports;
using CustomerCare.Remedies;

namespace CustomerCare.Tests.Remedies;

/// <summary>EU261/UK261 Art. 3(3): a passenger travelling free of charge or at a fare not available to the public is outside the regulation.</summary>
public sealed class FareOutsideRegulationTests
{
    private static readonly RemedyPolicyEngine Engine = new(RemedyPolicyBook.Embedded);

    private static DisruptionFacts FiveHoursLate(string from, string to, bool outside, string currency = "EUR")
    {
        var departure = new DateTime(2026, 11, 24, 7, 30, 0, DateTimeKind.Utc);
        return new DisruptionFacts
        {
            Kind = DisruptionKind.Delay,
            Origin = AirportDirectory.Embedded.Find(from)!,
            Destination = AirportDirectory.Embedded.Find(to)!,
            EuCarrier = true,
            ScheduledDepartureUtc = departure,
            ScheduledArrivalUtc = departure.AddHours(2),
            ActualDepartureUtc = departure.AddHours(5),
            ActualArrivalUtc = departure.AddHours(7),
            OneWayFare = 140,
            FareCurrency = currency,
            FareOutsideRegulation = outside,
        };
    }

    [Theory]
    [InlineData("FRA", "BCN", "EU261 Art. 3(3)")]
    [InlineData("LHR", "EDI", "UK261 Art. 3(3)")]
    public void AFreeOrNonPublicFare_GetsNoCompensationCareOrRefundUnderTheRegulation_AndSaysWhichArticle(string from, string to, string article)
    {
        var covered = Engine.Evaluate(FiveHoursLate(from, to, outside: false), LoyaltyTier.Basic);
        var outside = Engine.Evaluate(FiveHoursLate(from, to, outside: true), LoyaltyTier.Basic);

        Assert.Contains(covered.Options, o => o.Kind == RemedyKind.Compensation);
        Assert.Contains(covered.Options, o => o.Kind == RemedyKind.Care);
        Assert.Null(covered.NotCoveredBy);
        Assert.DoesNotContain(outside.Options, o => o.Kind is RemedyKind.Compensation or RemedyKind.Care or RemedyKind.Refund);
        Assert.Equal(article, outside.NotCoveredBy);
        var underReceipts = new DateTime(2026, 12, 2, 7, 30, 0, DateTimeKind.Utc);
        Assert.NotNull(Engine.ReceiptCapsFor(FiveHoursLate(from, to, outside: false) with { ScheduledDepartureUtc = underReceipts, ScheduledArrivalUtc = underReceipts.AddHours(2), ActualArrivalUtc = underReceipts.AddHours(7) }));
        Assert.Null(Engine.ReceiptCapsFor(FiveHoursLate(from, to, outside: true) with { ScheduledDepartureUtc = underReceipts, ScheduledArrivalUtc = underReceipts.AddHours(2), ActualArrivalUtc = underReceipts.AddHours(7) }));
    }

    [Fact]
    public void USRules_AreNotTheRegulationsArticle_AndStillApply()
    {
        var outside = Engine.Evaluate(FiveHoursLate("JFK", "LAX", outside: true, "USD"), LoyaltyTier.Basic);
        var covered = Engine.Evaluate(FiveHoursLate("JFK", "LAX", outside: false, "USD"), LoyaltyTier.Basic);

        Assert.Null(outside.NotCoveredBy);
        Assert.Equal(covered.Options.Select(o => (o.Kind, o.Amount)), outside.Options.Select(o => (o.Kind, o.Amount)));
    }
}

using CustomerCare.Airports;
using CustomerCare.Remedies;

namespace CustomerCare.Tests.Remedies;

/// <summary>Worked examples of care against receipts (policy 2026.12): caps per hour waited, per night and per journey; flat care before it.</summary>
public sealed class CareReceiptCapsTests
{
    private static readonly RemedyPolicyEngine Engine = new(RemedyPolicyBook.Embedded);

    private static DisruptionFacts Delay(string from, string to, DateTime departure, double lateHours)
    {
        var origin = AirportDirectory.Embedded.Find(from)!;
        var destination = AirportDirectory.Embedded.Find(to)!;
        var arrival = departure + TimeSpan.FromHours(origin.DistanceKmTo(destination) / 800 + 0.5);
        return new DisruptionFacts
        {
            Kind = DisruptionKind.Delay, Origin = origin, Destination = destination, EuCarrier = true,
            ScheduledDepartureUtc = departure, ScheduledArrivalUtc = arrival,
            ActualDepartureUtc = departure.AddHours(lateHours), ActualArrivalUtc = arrival.AddHours(lateHours),
            OneWayFare = 200, FareCurrency = "EUR",
        };
    }

    [Fact]
    public void FrankfurtToLisbon_ThreeHoursFortyLate_MealsForFourHours_NoHotel_AndLocalTransport()
    {
        var facts = Delay("FRA", "LIS", new DateTime(2026, 12, 5, 10, 0, 0, DateTimeKind.Utc), 3 + 40 / 60.0);

        var caps = Engine.ReceiptCapsFor(facts)!;
        Assert.Equal((20m, 0m, 60m, "EUR", "EU261 Art. 6, 9", 0), (caps.Meals, caps.Hotel, caps.LocalTransport, caps.Currency, caps.Rule, caps.Nights));
        Assert.Equal(3.67, caps.HoursWaited, 2);
        var care = Assert.Single(Engine.Evaluate(facts, LoyaltyTier.Basic).Options, o => o.Kind == RemedyKind.Care);
        Assert.Equal(("care.receipts", 0m, "CareByReceipts"), (care.Code, care.Amount, care.Explanation));
    }

    [Fact]
    public void AnEveningFlight_TenHoursLate_LeavesTheNextDay_SoOneNightsHotel()
    {
        var caps = Engine.ReceiptCapsFor(Delay("FRA", "LIS", new DateTime(2026, 12, 5, 20, 0, 0, DateTimeKind.Utc), 10))!;

        Assert.Equal((50m, 150m, 60m, 1), (caps.Meals, caps.Hotel, caps.LocalTransport, caps.Nights));
    }

    [Fact]
    public void TooShortAWait_GivesNoCare()
    {
        var facts = Delay("FRA", "LIS", new DateTime(2026, 12, 5, 10, 0, 0, DateTimeKind.Utc), 2.5);

        Assert.Null(Engine.ReceiptCapsFor(facts));
        Assert.DoesNotContain(Engine.Evaluate(facts, LoyaltyTier.Basic).Options, o => o.Kind == RemedyKind.Care);
    }

    [Fact]
    public void UnderTheEarlierVersion_CareStaysAFlatAmount()
    {
        var facts = Delay("FRA", "LIS", new DateTime(2026, 11, 20, 10, 0, 0, DateTimeKind.Utc), 3 + 40 / 60.0);

        Assert.Null(Engine.ReceiptCapsFor(facts));
        Assert.Equal(24m, Assert.Single(Engine.Evaluate(facts, LoyaltyTier.Basic).Options, o => o.Code == "care.meals").Amount);
    }
}

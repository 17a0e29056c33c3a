using CustomerCare.Ledger;
using CustomerCare.Remedies;
using CustomerCare.Tests.Support;

namespace CustomerCare.Tests.Ledger;

/// <summary>What counts as one entitlement: a kind of remedy, once per passenger (ticket or normalised name) on every flight of the journey.</summary>
public sealed class EntitlementClaimsTests
{
    private static readonly CustomerCare.Operations.Segment Feeder = LedgerRequests.Flight("CC220", "HAM", "FRA", new DateTime(2026, 11, 17, 6, 0, 0, DateTimeKind.Utc));
    private static readonly CustomerCare.Operations.Segment LongHaul = LedgerRequests.Flight("CC400", "FRA", "JFK", new DateTime(2026, 11, 17, 10, 0, 0, DateTimeKind.Utc));

    [Fact]
    public void AGrant_ClaimsEachKindOnEveryFlightOfTheJourney_ByNameAndByTicket()
    {
        var who = LedgerRequests.Passenger("DEMO06", "DEMO06-1", "Robin", "Testfall", "220-1234567890", Feeder, LongHaul);

        var claims = EntitlementClaims.For(who, [RemedyKind.Compensation, RemedyKind.Care, RemedyKind.Compensation]);

        Assert.Equal(10, claims.Count);
        Assert.Contains(claims, c => c.Id == "Compensation|CC220@2026-11-17|N:robin/testfall");
        Assert.Contains(claims, c => c.Id == "Care|CC400@2026-11-17|T:2201234567890");
        Assert.Contains(claims, c => c.Id == "Compensation|B:DEMO06/DEMO06-1|R:HAM-JFK");
    }

    [Theory]
    [InlineData("Müller", "Mueller")]
    [InlineData("Müller", "MULLER")]
    [InlineData("José", "Jose")]
    [InlineData("Sørensen", "SOERENSEN")]
    [InlineData("Wałęsa", "WALESA")]
    [InlineData("Dæhlie", "DAEHLIE")]
    [InlineData("Yıldız", "YILDIZ")]
    [InlineData("Ｓample", "Sample")]
    [InlineData("Sаmple", "Sample")]
    public void TheSamePersonSpelledDifferently_ClaimsTheSameEntitlement(string one, string other)
    {
        var a = EntitlementClaims.For(LedgerRequests.Passenger("AAA111", "1", "Ana", one), [RemedyKind.Compensation]).Where(c => c.ByName).Select(c => c.Id);
        var b = EntitlementClaims.For(LedgerRequests.Passenger("BBB222", "9", "ANA MRS", other), [RemedyKind.Compensation]).Where(c => c.ByName).Select(c => c.Id);

        Assert.NotEmpty(a.Intersect(b));
    }

    [Theory]
    [InlineData("Michael", "Michal")]
    [InlineData("Joel", "Jol")]
    [InlineData("Mueller", "Muller")]
    public void DifferentNamesThatOnlyLookAlike_AreDifferentPassengers(string one, string other)
    {
        var a = EntitlementClaims.For(LedgerRequests.Passenger("AAA111", "1", one, "Novak"), [RemedyKind.Compensation]).Where(c => c.ByName).Select(c => c.Id);
        var b = EntitlementClaims.For(LedgerRequests.Passenger("BBB222", "9", other, "Novak"), [RemedyKind.Compensation]).Where(c => c.ByName).Select(c => c.Id);

        Assert.Empty(a.Intersect(b));
    }

    [Theory]
    [InlineData(null, null, true)]
    [InlineData("2201111111111", null, true)]
    [InlineData(null, "2201111111111", true)]
    [InlineData("2201111111111", "2201111111111", true)]
    [InlineData("2201111111111", "2202222222222", false)]
    public void ANameClaim_IsTheSamePassenger_UnlessTwoDifferentTicketsSayOtherwise(string? stored, string? asking, bool same)
    {
        var claim = EntitlementClaims.For(LedgerRequests.Passenger(ticket: asking), [RemedyKind.Compensation]).Single(c => c.ByName);

        Assert.Equal(same, claim.SamePassengerAs(stored));
    }

    [Fact]
    public void OlderGrantsKeys_CoverEveryReportedKindOnEveryFlight()
    {
        var who = LedgerRequests.Passenger("DEMO06", "DEMO06-1", "Robin", "Testfall", null, Feeder, LongHaul);

        var keys = EntitlementClaims.LegacyKeys(who, DisruptionFamily.Flight);

        Assert.Equal(10, keys.Count);
        Assert.Contains("DEMO06-1|DEMO06|CC400|2026-11-17|MissedConnection", keys);
        Assert.Contains("DEMO06-1|DEMO06|CC220|2026-11-17|Delay", keys);
        Assert.Equal(["DEMO06-1|DEMO06|CC220|2026-11-17|Baggage", "DEMO06-1|DEMO06|CC400|2026-11-17|Baggage"], EntitlementClaims.LegacyKeys(who, DisruptionFamily.Bag));
    }

    [Fact]
    public void AFlightsAndABagsGoodwill_AreTwoEntitlements_ButCompensationIsOnePerJourney()
    {
        var who = LedgerRequests.Passenger();

        Assert.Empty(EntitlementClaims.For(who, [RemedyKind.Goodwill], DisruptionFamily.Flight).Select(c => c.Id).Intersect(EntitlementClaims.For(who, [RemedyKind.Goodwill], DisruptionFamily.Bag).Select(c => c.Id)));
        Assert.Equal(EntitlementClaims.For(who, [RemedyKind.Compensation], DisruptionFamily.Flight).Select(c => c.Id), EntitlementClaims.For(who, [RemedyKind.Compensation], DisruptionFamily.Bag).Select(c => c.Id));
    }

    [Theory]
    [InlineData(1, true)]
    [InlineData(3, true)]
    [InlineData(4, false)]
    [InlineData(30, false)]
    public void OnOneBooking_AJourneyOnTheSameRouteDaysLater_IsTheSameJourneyRebooked_UntilItIsAnotherTrip(int daysLater, bool same)
    {
        var first = LedgerRequests.Passenger("TWICE1", "TWICE1-1", "Tom", "Twice", null, LedgerRequests.Flight("CC400", "FRA", "JFK", new DateTime(2026, 11, 1, 10, 0, 0, DateTimeKind.Utc)));
        var later = LedgerRequests.Passenger("TWICE1", "TWICE1-1", "Tom", "Twice", null, LedgerRequests.Flight("CC402", "FRA", "JFK", new DateTime(2026, 11, 1, 10, 0, 0, DateTimeKind.Utc).AddDays(daysLater)));
        var stored = EntitlementClaims.For(first, [RemedyKind.Compensation]).Single(c => c.Identity.StartsWith("B:", StringComparison.Ordinal));

        var asking = EntitlementClaims.For(later, [RemedyKind.Compensation]).Single(c => c.Identity.StartsWith("B:", StringComparison.Ordinal));

        Assert.Equal(stored.Id, asking.Id);
        Assert.Equal(same, asking.HeldBy(stored.TicketNumber, stored.JourneyDate));
    }
}

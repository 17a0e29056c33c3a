using CustomerCare.Operations;
using CustomerCare.Remedies;
using static CustomerCare.Tests.Abuse.Trips;

namespace CustomerCare.Tests.Abuse;

/// <summary>
/// Guarantee: a journey paid once stays paid when a re-import reshapes the booking — a rebooking onto another flight
/// or day, a route the booking comes to hold twice, a connection split apart.
/// </summary>
public sealed class ReshapedJourneysTests : AttackTests
{
    /// <summary>The booking is re-imported after a rebooking onto the next day's flight (same record locator, same passenger): it is still the FRA→JFK journey.</summary>
    [Fact]
    public async Task GrantedOnce_ARebookingOntoAnotherFlightOfTheSameBooking_IsTheSameJourney()
    {
        var (_, first) = await Bot.CustomerSaysAsync("en-US", "My flight CC400 was delayed, booking DEMO01", "Sample", "yes");
        Assert.Contains("Your reference is G-", first, StringComparison.Ordinal);
        var next = Nov18.AddDays(1);
        await Bot.Operations.SaveAsync(
            [new Booking("DEMO01", [new Passenger("DEMO01-1", "Alex", "Sample", LoyaltyTier.Basic)], [new Segment("CC402", "FRA", "JFK", next, next.AddHours(8.5), 640, "EUR")])],
            [new FlightOperation("CC402", DateOnly.FromDateTime(next), "FRA", "JFK", next, next.AddHours(8.5), next.AddHours(4), next.AddHours(12.5), false, null, null, null, "TECHNICAL", false, EuCarrier: true)]);

        var (_, second) = await Bot.CustomerSaysAsync("en-US", "My flight CC402 was delayed, booking DEMO01", "Sample", "yes");

        Assert.Single(await Bot.GrantsOnAsync("DEMO01"));
        Assert.Contains("already granted €649.00", second, StringComparison.Ordinal);
    }

    /// <summary>
    /// The booking holds FRA→JFK twice (Nov 18 and Nov 25), so its route key carries the date. The Nov 18 trip is paid;
    /// the passenger is then rebooked onto the next day's CC402 (same booking, same route, same passenger id and name)
    /// — a rebooking, on a booking that holds the route twice.
    /// </summary>
    [Fact]
    public async Task GrantedOnce_ARebookingOntoTheNextDay_OnABookingThatHoldsTheRouteTwice_IsTheSameJourney()
    {
        var nov25 = Nov18.AddDays(7);
        var nov19 = Nov18.AddDays(1);
        var passenger = new Passenger("RPT001-1", "Rhea", "Repeat", LoyaltyTier.Basic);
        await Bot.Operations.SaveAsync([new Booking("RPT001", [passenger], [Seg("CC400", "FRA", "JFK", Nov18, 8.5), Seg("CC400", "FRA", "JFK", nov25, 8.5)])], []);
        // The booking holds CC400 twice, so the bot asks which trip: the first.
        var (_, first) = await Bot.CustomerSaysAsync("en-US", "My flight CC400 was delayed, booking RPT001", "Repeat", "1", "yes");
        Assert.Contains("Your reference is G-", first, StringComparison.Ordinal);

        // Rebooked from the delayed Nov 18 CC400 onto Nov 19's CC402 (also late); the Nov 25 trip stays.
        await Bot.Operations.SaveAsync(
            [new Booking("RPT001", [passenger], [Seg("CC402", "FRA", "JFK", nov19, 8.5), Seg("CC400", "FRA", "JFK", nov25, 8.5)])],
            [Op("CC402", "FRA", "JFK", nov19, 8.5, 4)]);
        var (_, second) = await Bot.CustomerSaysAsync("en-US", "My flight CC402 was delayed, booking RPT001", "Repeat", "yes");

        Assert.Contains("already granted", second, StringComparison.Ordinal);
        Assert.Single(await Bot.GrantsOnAsync("RPT001"));
    }

    /// <summary>
    /// Paid as the booking's only FRA→JFK trip (route key "FRA-JFK"); the import then rebooks it onto the next day and the
    /// booking gains a second FRA→JFK trip, so the key flips to "FRA-JFK@2026-11-19".
    /// </summary>
    [Fact]
    public async Task GrantedOnce_TheRouteKeyFlippingFromRouteToRouteAndDate_DoesNotOpenASecondPayment()
    {
        var nov19 = Nov18.AddDays(1);
        var passenger = new Passenger("FLIP01-1", "Fina", "Flip", LoyaltyTier.Basic);
        await Bot.Operations.SaveAsync([new Booking("FLIP01", [passenger], [Seg("CC400", "FRA", "JFK", Nov18, 8.5)])], []);
        var (_, first) = await Bot.CustomerSaysAsync("en-US", "My flight CC400 was delayed, booking FLIP01", "Flip", "yes");
        Assert.Contains("Your reference is G-", first, StringComparison.Ordinal);

        await Bot.Operations.SaveAsync(
            [new Booking("FLIP01", [passenger], [Seg("CC402", "FRA", "JFK", nov19, 8.5), Seg("CC400", "FRA", "JFK", Nov18.AddDays(14), 8.5)])],
            [Op("CC402", "FRA", "JFK", nov19, 8.5, 4)]);
        var (_, second) = await Bot.CustomerSaysAsync("en-US", "My flight CC402 was delayed, booking FLIP01", "Flip", "yes");

        Assert.Contains("already granted", second, StringComparison.Ordinal);
        Assert.Single(await Bot.GrantsOnAsync("FLIP01"));
    }

    /// <summary>A connection paid as HAM→FRA→JFK; the import splits it (the feeder moved a day earlier) or adds the legs out of order.</summary>
    [Fact]
    public async Task Refused_AConnectionSplitByReimport_DoesNotPayTheLongLegAgain()
    {
        var (_, first) = await Bot.CustomerSaysAsync("en-US", "My flight CC400 was delayed, booking DEMO06", "Testfall", "Robin", "me", "yes");
        Assert.Contains("Your reference is G-", first, StringComparison.Ordinal);
        var feeder = new DateTime(2026, 11, 16, 6, 0, 0, DateTimeKind.Utc);
        await Bot.Operations.SaveAsync([new Booking("DEMO06",
            [new Passenger("DEMO06-1", "Robin", "Testfall", LoyaltyTier.Gold), new Passenger("DEMO06-2", "Chris", "Testfall", LoyaltyTier.Basic)],
            [Seg("CC400", "FRA", "JFK", new DateTime(2026, 11, 17, 10, 0, 0, DateTimeKind.Utc), 8.5, 590), Seg("CC220", "HAM", "FRA", feeder, 1.08, 90)])], []);

        var (_, again) = await Bot.CustomerSaysAsync("en-US", "My flight CC400 was delayed, booking DEMO06", "Testfall", "Robin", "me", "yes");

        Assert.Contains("already granted", again, StringComparison.Ordinal);
        Assert.Single(await Bot.GrantsOnAsync("DEMO06"));
    }
}

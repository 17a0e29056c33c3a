using CustomerCare.Ledger;
using CustomerCare.Operations;
using CustomerCare.Remedies;
using static CustomerCare.Tests.Abuse.Trips;

namespace CustomerCare.Tests.Abuse;

/// <summary>
/// Guarantee: each trip of a booking is a journey of its own, assessed on its own arrival and paid once — the outbound
/// and the return of a day trip through a hub, and the same flight on two days, whether the bot or an agent decides.
/// </summary>
public sealed class TripsOfOneBookingTests : AttackTests
{
    private static readonly DateTime Day = new(2026, 11, 18, 6, 0, 0, DateTimeKind.Utc);

    /// <summary>HAM→FRA→VIE in the morning, VIE→FRA→HAM in the evening: one booking, a business day trip.</summary>
    private static Booking DayTrip() => new("DAYTR1", [new Passenger("DAYTR1-1", "Dana", "Daytrip", LoyaltyTier.Basic)],
    [
        Seg("CC10", "HAM", "FRA", Day, 1, 90),
        Seg("CC11", "FRA", "VIE", Day.AddHours(2), 1.5, 120),
        Seg("CC12", "VIE", "FRA", Day.AddHours(11), 1.5, 120),
        Seg("CC13", "FRA", "HAM", Day.AddHours(13.5), 1, 90),
    ]);

    /// <summary>
    /// The return VIE→FRA→HAM is one journey (the README: outbound and return are two journeys). The evening VIE→FRA
    /// leg is 4 h late and the FRA→HAM connection waits and leaves 4 h late: the return journey is owed once.
    /// </summary>
    [Fact]
    public async Task GrantedOnce_TheReturnOfADayTripThroughAHub_IsOneJourney_NotPaidOncePerLeg()
    {
        await Bot.Operations.SaveAsync([DayTrip()],
        [
            Op("CC10", "HAM", "FRA", Day, 1, 0),
            Op("CC11", "FRA", "VIE", Day.AddHours(2), 1.5, 0),
            Op("CC12", "VIE", "FRA", Day.AddHours(11), 1.5, 4),
            Op("CC13", "FRA", "HAM", Day.AddHours(13.5), 1, 4),
        ]);

        var journeys = Journey.Of(DayTrip()).Select(j => j.Origin + "-" + j.Destination).ToList();
        var (_, first) = await Bot.CustomerSaysAsync("en-US", "My flight CC12 was delayed, booking DAYTR1", "Daytrip", "yes");
        var (_, second) = await Bot.CustomerSaysAsync("en-US", "My flight CC13 was delayed, booking DAYTR1", "Daytrip", "yes");

        Assert.Equal(["HAM-VIE", "VIE-HAM"], journeys);
        Assert.Contains("Your reference is G-", first, StringComparison.Ordinal);
        Assert.Contains("already granted", second, StringComparison.Ordinal);
        Assert.Single(await Bot.GrantsOnAsync("DAYTR1"));
    }

    /// <summary>The morning FRA→VIE leg lands 4 h late; the evening return is on time. The outbound journey's delay is what the customer reports.</summary>
    [Fact]
    public async Task Facts_TheOutboundOfADayTripThroughAHub_IsAssessedOnItsOwnArrival()
    {
        await Bot.Operations.SaveAsync([DayTrip()],
        [
            Op("CC10", "HAM", "FRA", Day, 1, 0),
            Op("CC11", "FRA", "VIE", Day.AddHours(2), 1.5, 4),
            Op("CC12", "VIE", "FRA", Day.AddHours(11), 1.5, 0),
            Op("CC13", "FRA", "HAM", Day.AddHours(13.5), 1, 0),
        ]);

        var (_, said) = await Bot.CustomerSaysAsync("en-US", "My flight CC11 was delayed, booking DAYTR1", "Daytrip", "yes");

        Assert.Contains("Your reference is G-", said, StringComparison.Ordinal);
        Assert.Contains("your journey CC10, CC11 from HAM to VIE", said, StringComparison.Ordinal);
    }

    private static readonly DateTime Nov25 = Nov18.AddDays(7);

    /// <summary>CC410 FRA→JFK on Nov 18 (on time) and again on Nov 25 (5 h late): a commuter's booking.</summary>
    private async Task SaveTwiceAsync(string locator)
    {
        await Bot.Operations.SaveAsync(
            [new Booking(locator, [new Passenger(locator + "-1", "Tess", "Twice", LoyaltyTier.Basic)], [Seg("CC410", "FRA", "JFK", Nov18, 8.5), Seg("CC410", "FRA", "JFK", Nov25, 8.5)])],
            [Op("CC410", "FRA", "JFK", Nov18, 8.5, 0), Op("CC410", "FRA", "JFK", Nov25, 8.5, 5)]);
    }

    /// <summary>
    /// The customer picks the Nov 25 trip, is shown its proposal and asks for a person. The agent's "grant" must decide
    /// the Nov 25 trip the case is about.
    /// </summary>
    [Fact]
    public async Task GrantedOnce_ACaseAboutTheSecondTripOfARepeatedFlight_IsDecidedForThatTrip()
    {
        await SaveTwiceAsync("TWO001");
        var (_, said) = await Bot.CustomerSaysAsync("en-US", "My flight was delayed, booking TWO001", "Twice", "2", "I want to talk to a person");
        Assert.Contains("€600.00", said, StringComparison.Ordinal); // the Nov 25 proposal was shown
        var thread = await Bot.TakeAsync(AttackedBot.CaseIn(said));

        var grant = await Bot.AgentWritesAsync(thread, "ada", "Ada Agent", "grant");

        Assert.StartsWith("Granted", grant, StringComparison.Ordinal);
        Assert.Equal(DateOnly.FromDateTime(Nov25), Assert.Single(await Bot.GrantsOnAsync("TWO001")).Subject.ScheduledDate);
    }

    private static string AgentAmounts(LedgerEntry e) => string.Join("+", e.Remedies.Select(r => $"{r.Amount} {r.Currency} {r.Kind}"));

    /// <summary>
    /// Same case; the agent is told the data does not establish the disruption and to override if they checked it. They
    /// override for the Nov 25 delay the customer described; the customer then asks the bot about Nov 25 again.
    /// </summary>
    [Fact]
    public async Task GrantedOnce_AnOverrideForTheSecondTrip_HoldsThatTrip_SoTheBotDoesNotPayItAgain()
    {
        await SaveTwiceAsync("TWO002");
        var (_, said) = await Bot.CustomerSaysAsync("en-US", "My flight was delayed, booking TWO002", "Twice", "2", "I want to talk to a person");
        var thread = await Bot.TakeAsync(AttackedBot.CaseIn(said));
        var grant = await Bot.AgentWritesAsync(thread, "ada", "Ada Agent", "grant");
        var over = await Bot.AgentWritesAsync(thread, "ada", "Ada Agent", "override 650 EUR checked: 5 h late on Nov 25");
        await Bot.AgentWritesAsync(thread, "ada", "Ada Agent", "end");

        var (_, again) = await Bot.CustomerSaysAsync("en-US", "My flight was delayed, booking TWO002", "Twice", "2", "yes");

        var grants = await Bot.GrantsOnAsync("TWO002");
        Assert.StartsWith("Granted", grant, StringComparison.Ordinal);
        Assert.StartsWith("Refused: already granted", over, StringComparison.Ordinal);
        Assert.Contains("already granted", again, StringComparison.Ordinal);
        Assert.True(grants.Count == 1, string.Join(" | ", grants.Select(g => $"{g.Subject.FlightNumber} {g.Subject.ScheduledDate:yyyy-MM-dd} {AgentAmounts(g)} by {g.GrantedBy.Kind}")));
    }

    /// <summary>
    /// The customer names a flight the booking holds twice (Nov 18 late, Nov 25 on time) and asks for a person before
    /// choosing the trip: the case names no trip, so the agent's grant decides none rather than guessing the first.
    /// </summary>
    [Fact]
    public async Task GrantedOnce_ACaseHandedOffBeforeTheTripWasChosen_IsNotDecidedForAGuessedTrip()
    {
        await Bot.Operations.SaveAsync(
            [new Booking("TWO005", [new Passenger("TWO005-1", "Tess", "Twice", LoyaltyTier.Basic)], [Seg("CC410", "FRA", "JFK", Nov18, 8.5), Seg("CC410", "FRA", "JFK", Nov25, 8.5)])],
            [Op("CC410", "FRA", "JFK", Nov18, 8.5, 5), Op("CC410", "FRA", "JFK", Nov25, 8.5, 0)]);
        var (_, said) = await Bot.CustomerSaysAsync("en-US", "My flight CC410 was delayed, booking TWO005", "Twice", "I want to talk to a person");
        var thread = await Bot.TakeAsync(AttackedBot.CaseIn(said));

        var grant = await Bot.AgentWritesAsync(thread, "ada", "Ada Agent", "grant");

        Assert.StartsWith("Refused", grant, StringComparison.Ordinal);
        Assert.Empty(await Bot.GrantsOnAsync("TWO005"));
    }

    /// <summary>The customer names the flight and the day: the bot assesses that day's trip.</summary>
    [Theory]
    [InlineData("My flight CC410 on 25 November 2026 was delayed, booking TWO003")]
    [InlineData("My flight CC410 on 2026-11-25 was delayed, booking TWO003")]
    public async Task Identify_NamingTheFlightAndItsDay_PicksThatDaysTrip(string report)
    {
        await SaveTwiceAsync("TWO003");

        var (_, said) = await Bot.CustomerSaysAsync("en-US", report, "Twice", "yes");

        Assert.Contains("Your reference is G-", said, StringComparison.Ordinal);
        Assert.Equal(DateOnly.FromDateTime(Nov25), Assert.Single(await Bot.GrantsOnAsync("TWO003")).Subject.ScheduledDate);
    }
}

using System.Net;
using System.Text.RegularExpressions;
using CustomerCare.Bot.Operations;
using CustomerCare.Cases;
using CustomerCare.Ledger;
using CustomerCare.Operations;
using CustomerCare.Remedies;
using CustomerCare.Tests.Supervisors;
using CustomerCare.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerCare.Tests.Abuse;

/// <summary>
/// A second round of attacks from outside, on journeys and identities that re-imports reshape, repeated flights,
/// look-alike names, grants spread over time and approvals for namesakes — each asserting what the product promises.
/// </summary>
public sealed partial class SecondRoundAttacksTests : IAsyncLifetime
{
    private AttackedBot _bot = null!;

    public async Task InitializeAsync() => _bot = await AttackedBot.StartAsync();

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    private static readonly DateTime Nov18 = new(2026, 11, 18, 10, 0, 0, DateTimeKind.Utc);

    private LiteDbOperationsData Operations => _bot.Host.Services.GetRequiredService<LiteDbOperationsData>();

    private static Segment Seg(string flight, string from, string to, DateTime departure, double hours, decimal fare = 640, string currency = "EUR")
        => new(flight, from, to, departure, departure.AddHours(hours), fare, currency);

    /// <summary>An operations record: the flight left <paramref name="lateHours"/> late and arrived as late.</summary>
    private static FlightOperation Op(string flight, string from, string to, DateTime departure, double hours, double lateHours, string cause = "TECHNICAL", bool extraordinary = false)
        => new(flight, DateOnly.FromDateTime(departure), from, to, departure, departure.AddHours(hours),
            departure.AddHours(lateHours), departure.AddHours(hours + lateHours), false, null, null, null, lateHours > 0 ? cause : "NONE", extraordinary, EuCarrier: true);

    private async Task<IReadOnlyList<LedgerEntry>> AllGrantsAsync(params string[] bookings)
    {
        var all = new List<LedgerEntry>();
        foreach (var b in bookings)
        {
            all.AddRange(await _bot.GrantsOnAsync(b));
        }
        return all;
    }

    private static string CaseIn(string said) => CaseReference().Match(said) is { Success: true } m ? m.Value : throw new InvalidOperationException("No case: " + said);

    // ================================================================ journeys: the route key flips on re-import

    /// <summary>
    /// The booking holds FRA→JFK twice (Nov 18 and Nov 25), so its route key carries the date. The Nov 18 trip is paid;
    /// the passenger is then rebooked onto the next day's CC402 (same booking, same route, same passenger id and name)
    /// — the first round's rebooking case, only on a booking that holds the route twice.
    /// </summary>
    [Fact]
    public async Task GrantedOnce_ARebookingOntoTheNextDay_OnABookingThatHoldsTheRouteTwice_IsTheSameJourney()
    {
        var nov25 = Nov18.AddDays(7);
        var nov19 = Nov18.AddDays(1);
        var passenger = new Passenger("RPT001-1", "Rhea", "Repeat", LoyaltyTier.Basic);
        await Operations.SaveAsync([new Booking("RPT001", [passenger], [Seg("CC400", "FRA", "JFK", Nov18, 8.5), Seg("CC400", "FRA", "JFK", nov25, 8.5)])], []);
        // The booking holds CC400 twice, so the bot asks which trip: the first.
        var (_, first) = await _bot.CustomerSaysAsync("en-US", "My flight CC400 was delayed, booking RPT001", "Repeat", "1", "yes");
        Assert.Contains("Your reference is G-", first, StringComparison.Ordinal);

        // Rebooked from the delayed Nov 18 CC400 onto Nov 19's CC402 (also late); the Nov 25 trip stays.
        await Operations.SaveAsync(
            [new Booking("RPT001", [passenger], [Seg("CC402", "FRA", "JFK", nov19, 8.5), Seg("CC400", "FRA", "JFK", nov25, 8.5)])],
            [Op("CC402", "FRA", "JFK", nov19, 8.5, 4)]);
        var (_, second) = await _bot.CustomerSaysAsync("en-US", "My flight CC402 was delayed, booking RPT001", "Repeat", "yes");

        Assert.Contains("already granted", second, StringComparison.Ordinal);
        Assert.Single(await _bot.GrantsOnAsync("RPT001"));
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
        await Operations.SaveAsync([new Booking("FLIP01", [passenger], [Seg("CC400", "FRA", "JFK", Nov18, 8.5)])], []);
        var (_, first) = await _bot.CustomerSaysAsync("en-US", "My flight CC400 was delayed, booking FLIP01", "Flip", "yes");
        Assert.Contains("Your reference is G-", first, StringComparison.Ordinal);

        await Operations.SaveAsync(
            [new Booking("FLIP01", [passenger], [Seg("CC402", "FRA", "JFK", nov19, 8.5), Seg("CC400", "FRA", "JFK", Nov18.AddDays(14), 8.5)])],
            [Op("CC402", "FRA", "JFK", nov19, 8.5, 4)]);
        var (_, second) = await _bot.CustomerSaysAsync("en-US", "My flight CC402 was delayed, booking FLIP01", "Flip", "yes");

        Assert.Contains("already granted", second, StringComparison.Ordinal);
        Assert.Single(await _bot.GrantsOnAsync("FLIP01"));
    }

    // ================================================================ journeys: a day trip through a hub

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
        await Operations.SaveAsync([DayTrip()],
        [
            Op("CC10", "HAM", "FRA", Day, 1, 0),
            Op("CC11", "FRA", "VIE", Day.AddHours(2), 1.5, 0),
            Op("CC12", "VIE", "FRA", Day.AddHours(11), 1.5, 4),
            Op("CC13", "FRA", "HAM", Day.AddHours(13.5), 1, 4),
        ]);

        var journeys = Journey.Of(DayTrip()).Select(j => j.Origin + "-" + j.Destination).ToList();
        var (_, first) = await _bot.CustomerSaysAsync("en-US", "My flight CC12 was delayed, booking DAYTR1", "Daytrip", "yes");
        var (_, second) = await _bot.CustomerSaysAsync("en-US", "My flight CC13 was delayed, booking DAYTR1", "Daytrip", "yes");

        Assert.Equal(["HAM-VIE", "VIE-HAM"], journeys);
        Assert.Contains("Your reference is G-", first, StringComparison.Ordinal);
        Assert.Contains("already granted", second, StringComparison.Ordinal);
        Assert.Single(await _bot.GrantsOnAsync("DAYTR1"));
    }

    /// <summary>The morning FRA→VIE leg lands 4 h late; the evening return is on time. The outbound journey's delay is what the customer reports.</summary>
    [Fact]
    public async Task Facts_TheOutboundOfADayTripThroughAHub_IsAssessedOnItsOwnArrival()
    {
        await Operations.SaveAsync([DayTrip()],
        [
            Op("CC10", "HAM", "FRA", Day, 1, 0),
            Op("CC11", "FRA", "VIE", Day.AddHours(2), 1.5, 4),
            Op("CC12", "VIE", "FRA", Day.AddHours(11), 1.5, 0),
            Op("CC13", "FRA", "HAM", Day.AddHours(13.5), 1, 0),
        ]);

        var (_, said) = await _bot.CustomerSaysAsync("en-US", "My flight CC11 was delayed, booking DAYTR1", "Daytrip", "yes");

        Assert.Contains("Your reference is G-", said, StringComparison.Ordinal);
        Assert.Contains("your journey CC10, CC11 from HAM to VIE", said, StringComparison.Ordinal);
    }

    private static string AgentAmounts(LedgerEntry e) => string.Join("+", e.Remedies.Select(r => $"{r.Amount} {r.Currency} {r.Kind}"));

    // ================================================================ a case about the second trip of a repeated flight

    private static readonly DateTime Nov25 = Nov18.AddDays(7);

    /// <summary>CC410 FRA→JFK on Nov 18 (on time) and again on Nov 25 (5 h late): a commuter's booking.</summary>
    private async Task SaveTwiceAsync(string locator)
    {
        await Operations.SaveAsync(
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
        var (_, said) = await _bot.CustomerSaysAsync("en-US", "My flight was delayed, booking TWO001", "Twice", "2", "I want to talk to a person");
        Assert.Contains("€600.00", said, StringComparison.Ordinal); // the Nov 25 proposal was shown
        var thread = await _bot.TakeAsync(CaseIn(said));

        var grant = await _bot.AgentWritesAsync(thread, "ada", "Ada Agent", "grant");

        Assert.StartsWith("Granted", grant, StringComparison.Ordinal);
        Assert.Equal(DateOnly.FromDateTime(Nov25), Assert.Single(await _bot.GrantsOnAsync("TWO001")).Subject.ScheduledDate);
    }

    /// <summary>
    /// Same case; the agent is told the data does not establish the disruption and to override if they checked it. They
    /// override for the Nov 25 delay the customer described; the customer then asks the bot about Nov 25 again.
    /// </summary>
    [Fact]
    public async Task GrantedOnce_AnOverrideForTheSecondTrip_HoldsThatTrip_SoTheBotDoesNotPayItAgain()
    {
        await SaveTwiceAsync("TWO002");
        var (_, said) = await _bot.CustomerSaysAsync("en-US", "My flight was delayed, booking TWO002", "Twice", "2", "I want to talk to a person");
        var thread = await _bot.TakeAsync(CaseIn(said));
        var grant = await _bot.AgentWritesAsync(thread, "ada", "Ada Agent", "grant");
        var over = await _bot.AgentWritesAsync(thread, "ada", "Ada Agent", "override 650 EUR checked: 5 h late on Nov 25");
        await _bot.AgentWritesAsync(thread, "ada", "Ada Agent", "end");

        var (_, again) = await _bot.CustomerSaysAsync("en-US", "My flight was delayed, booking TWO002", "Twice", "2", "yes");

        var grants = await _bot.GrantsOnAsync("TWO002");
        Assert.StartsWith("Granted", grant, StringComparison.Ordinal);
        Assert.StartsWith("Refused: already granted", over, StringComparison.Ordinal);
        Assert.Contains("already granted", again, StringComparison.Ordinal);
        Assert.True(grants.Count == 1, string.Join(" | ", grants.Select(g => $"{g.Subject.FlightNumber} {g.Subject.ScheduledDate:yyyy-MM-dd} {AgentAmounts(g)} by {g.GrantedBy.Kind}")));
    }

    /// <summary>The customer names the flight and the day: the bot assesses that day's trip.</summary>
    [Theory]
    [InlineData("My flight CC410 on 25 November 2026 was delayed, booking TWO003")]
    [InlineData("My flight CC410 on 2026-11-25 was delayed, booking TWO003")]
    public async Task Identify_NamingTheFlightAndItsDay_PicksThatDaysTrip(string report)
    {
        await SaveTwiceAsync("TWO003");

        var (_, said) = await _bot.CustomerSaysAsync("en-US", report, "Twice", "yes");

        Assert.Contains("Your reference is G-", said, StringComparison.Ordinal);
        Assert.Equal(DateOnly.FromDateTime(Nov25), Assert.Single(await _bot.GrantsOnAsync("TWO003")).Subject.ScheduledDate);
    }

    // ================================================================ travellers with the same first and last name

    /// <summary>Father and son ("JOHN MR", "JOHN MSTR") or names that fold alike ("Michael", "Michal") on one booking.</summary>
    [Theory]
    [InlineData("JOHN MR", "JOHN MSTR", "John", "a person will help you")]
    [InlineData("Michael", "Michal", "Michal", "Your reference is G-")]
    public async Task Identify_TwoTravellersWhoseFirstNamesFoldAlike_NeverCrashTheConversation(string first1, string first2, string answer, string outcome)
    {
        await Operations.SaveAsync([new Booking("TWIN01",
            [new Passenger("TWIN01-1", first1, "Smith", LoyaltyTier.Basic), new Passenger("TWIN01-2", first2, "Smith", LoyaltyTier.Basic)],
            [Seg("CC400", "FRA", "JFK", Nov18, 8.5)])], []);

        var (_, said) = await _bot.CustomerSaysAsync("en-US", "My flight CC400 was delayed, booking TWIN01", "Smith", answer, "yes");

        Assert.DoesNotContain("Sorry, something went wrong", said, StringComparison.Ordinal);
        Assert.Contains(outcome, said, StringComparison.Ordinal);
    }

    /// <summary>Michael Novak and Michal Novak are two people on two bookings of one flight (no ticket numbers in the data).</summary>
    [Fact]
    public async Task GrantedOnce_TwoDifferentPeopleWhoseNamesOnlyFoldAlike_AreEachPaidTheirOwn()
    {
        await Operations.SaveAsync(
        [
            new Booking("MICH01", [new Passenger("MICH01-1", "Michael", "Novak", LoyaltyTier.Basic)], [Seg("CC400", "FRA", "JFK", Nov18, 8.5)]),
            new Booking("MICH02", [new Passenger("MICH02-1", "Michal", "Novak", LoyaltyTier.Basic)], [Seg("CC400", "FRA", "JFK", Nov18, 8.5)]),
        ], []);

        var (_, a) = await _bot.CustomerSaysAsync("en-US", "My flight CC400 was delayed, booking MICH01", "Novak", "yes");
        var (_, b) = await _bot.CustomerSaysAsync("en-US", "My flight CC400 was delayed, booking MICH02", "Novak", "yes");

        Assert.Contains("Your reference is G-", a, StringComparison.Ordinal);
        Assert.Contains("Your reference is G-", b, StringComparison.Ordinal);
        Assert.Single(await _bot.GrantsOnAsync("MICH02"));
    }

    /// <summary>"Did I already get something?" on a booking where two travellers share the last name.</summary>
    [Fact]
    public async Task OnlyTheRightPeopleSee_TheStatusQuestion_AsksWhichTravellerSharingTheLastName()
    {
        var (_, granted) = await _bot.CustomerSaysAsync("en-US", "My flight CC400 was delayed, booking DEMO06", "Testfall", "Robin", "yes");
        var robins = Assert.Single(await _bot.GrantsOnAsync("DEMO06")).Reference;

        var (_, said) = await _bot.CustomerSaysAsync("en-US", "Did I already get something? Booking DEMO06", "Testfall");
        var (_, chris) = await _bot.CustomerSaysAsync("en-US", "Did I already get something? Booking DEMO06", "Testfall", "Chris");
        var (_, robin) = await _bot.CustomerSaysAsync("en-US", "Did I already get something? Booking DEMO06", "Testfall", "Robin");

        Assert.Contains("More than one traveller on booking DEMO06 is called Testfall", said, StringComparison.Ordinal);
        Assert.DoesNotContain(robins, said + chris, StringComparison.Ordinal);
        Assert.Contains("There is no compensation recorded for booking DEMO06 yet", chris, StringComparison.Ordinal);
        Assert.Contains(robins, robin, StringComparison.Ordinal);
    }

    // ================================================================ authority: one disruption split over time

    /// <summary>
    /// Four days late. First recorded as weather (extraordinary): care only, EUR 984 (meals 384, four hotel nights 600),
    /// within the bot's limits. The cause is then corrected to a technical fault: compensation 600 and goodwill 50 open.
    /// Together EUR 1,634 — more than an agent may grant — paid by the bot without a person.
    /// </summary>
    [Fact]
    public async Task WithinAuthority_TheBotsGrantsForOneDisruption_NeverAddUpToMoreThanAnAgentMay()
    {
        var booking = new Booking("LONG02", [new Passenger("LONG02-1", "Lena", "Longwait", LoyaltyTier.Platinum)], [Seg("CC760", "FRA", "JFK", Nov18, 8.5)]);
        await Operations.SaveAsync([booking], [Op("CC760", "FRA", "JFK", Nov18, 8.5, 96, "WEATHER", extraordinary: true)]);
        var (_, care) = await _bot.CustomerSaysAsync("en-US", "My flight CC760 was delayed, booking LONG02", "Longwait", "yes");

        await Operations.SaveAsync([booking], [Op("CC760", "FRA", "JFK", Nov18, 8.5, 96, "TECHNICAL")]);
        var (_, rest) = await _bot.CustomerSaysAsync("en-US", "My flight CC760 was delayed, booking LONG02", "Longwait", "yes");

        var grants = await _bot.GrantsOnAsync("LONG02");
        var total = grants.Where(g => g.GrantedBy.Kind == ActorKind.Bot).SelectMany(g => g.Remedies).Sum(r => r.Amount);
        Assert.Contains("Your reference is G-", care, StringComparison.Ordinal);
        Assert.Contains("needs a person's approval", rest, StringComparison.Ordinal);
        Assert.Equal(984m, total);
    }

    // ================================================================ approvals: two passengers, one name

    /// <summary>
    /// Two people named Pat Namesake, with different e-tickets (two people, says the README), both denied boarding on CC31
    /// (USD 1,680 each, above authority). Each agent's request must be that passenger's own.
    /// </summary>
    [Fact]
    public async Task Approvals_TwoPassengersWithTheSameNameButDifferentTickets_GetTheirOwnRequests()
    {
        var cc31 = new DateTime(2026, 11, 21, 14, 0, 0, DateTimeKind.Utc);
        await Operations.SaveAsync(
        [
            new Booking("NAMD01", [new Passenger("NAMD01-1", "Pat", "Namesake", LoyaltyTier.Basic, TicketNumber: "220-3333333333")], [Seg("CC31", "JFK", "LAX", cc31, 6 + 1.0 / 6, 420, "USD")]),
            new Booking("NAMD02", [new Passenger("NAMD02-1", "Pat", "Namesake", LoyaltyTier.Basic, TicketNumber: "220-4444444444")], [Seg("CC31", "JFK", "LAX", cc31, 6 + 1.0 / 6, 420, "USD")]),
        ], []);
        var (_, caseA) = await _bot.HandedOffAsync("I was denied boarding, booking NAMD01", "Namesake");
        var (_, caseB) = await _bot.HandedOffAsync("I was denied boarding, booking NAMD02", "Namesake");
        var threadA = await _bot.TakeAsync(caseA);
        var threadB = await _bot.TakeAsync(caseB, "bob", "Bob Agent");

        var askedA = await _bot.AgentWritesAsync(threadA, "ada", "Ada Agent", "grant");
        var askedB = await _bot.AgentWritesAsync(threadB, "bob", "Bob Agent", "grant");

        var pending = await _bot.Approvals.ListAsync(10, CancellationToken.None);
        Assert.Equal(["NAMD01", "NAMD02"], pending.Select(p => p.Who.BookingReference).Order());
        Assert.Equal(2, pending.Select(p => p.Id).Distinct().Count());
    }

    // ================================================================ expected refused (regressions)

    /// <summary>A new passenger id alone (no ticket), or with the same ticket: the name or ticket claim still holds.</summary>
    [Theory]
    [InlineData(null)]
    [InlineData("220-6000000001")]
    public async Task Refused_ANewPassengerIdWithTheSameNameOrTicket(string? ticket)
    {
        await Operations.SaveAsync([new Booking("REID02", [new Passenger("REID02-1", "Ron", "Reid", LoyaltyTier.Basic, TicketNumber: ticket)], [Seg("CC400", "FRA", "JFK", Nov18, 8.5)])], []);
        await _bot.CustomerSaysAsync("en-US", "My flight CC400 was delayed, booking REID02", "Reid", "yes");
        await Operations.SaveAsync([new Booking("REID02", [new Passenger("REID02-9", "Ron", "Reid", LoyaltyTier.Basic, TicketNumber: ticket)], [Seg("CC400", "FRA", "JFK", Nov18, 8.5)])], []);

        var (_, second) = await _bot.CustomerSaysAsync("en-US", "My flight CC400 was delayed, booking REID02", "Reid", "yes");

        Assert.Contains("already granted", second, StringComparison.Ordinal);
        Assert.Single(await _bot.GrantsOnAsync("REID02"));
    }

    /// <summary>A connection paid as HAM→FRA→JFK; the import splits it (the feeder moved a day earlier) or adds the legs out of order.</summary>
    [Fact]
    public async Task Refused_AConnectionSplitByReimport_DoesNotPayTheLongLegAgain()
    {
        var (_, first) = await _bot.CustomerSaysAsync("en-US", "My flight CC400 was delayed, booking DEMO06", "Testfall", "Robin", "yes");
        Assert.Contains("Your reference is G-", first, StringComparison.Ordinal);
        var feeder = new DateTime(2026, 11, 16, 6, 0, 0, DateTimeKind.Utc);
        await Operations.SaveAsync([new Booking("DEMO06",
            [new Passenger("DEMO06-1", "Robin", "Testfall", LoyaltyTier.Gold), new Passenger("DEMO06-2", "Chris", "Testfall", LoyaltyTier.Basic)],
            [Seg("CC400", "FRA", "JFK", new DateTime(2026, 11, 17, 10, 0, 0, DateTimeKind.Utc), 8.5, 590), Seg("CC220", "HAM", "FRA", feeder, 1.08, 90)])], []);

        var (_, again) = await _bot.CustomerSaysAsync("en-US", "My flight CC400 was delayed, booking DEMO06", "Testfall", "Robin", "yes");

        Assert.Contains("already granted", again, StringComparison.Ordinal);
        Assert.Single(await _bot.GrantsOnAsync("DEMO06"));
    }

    /// <summary>First-name prompt abuse: titles only, the other traveller's surname, a very long answer.</summary>
    [Theory]
    [InlineData("MR")]
    [InlineData("Dr.")]
    [InlineData("Testfall")]
    [InlineData("Robin Chris")]
    public async Task Refused_FirstNameAnswersThatNameNobody_IdentifyNobody(string answer)
    {
        var (_, said) = await _bot.CustomerSaysAsync("en-US", "My flight CC400 was delayed, booking DEMO06", "Testfall", answer, "yes");

        Assert.DoesNotContain("Sorry, something went wrong", said, StringComparison.Ordinal);
        Assert.Empty(await _bot.GrantsOnAsync("DEMO06"));
    }

    [Fact]
    public async Task Refused_AVeryLongFirstNameAnswer_DoesNotBreakTheConversation()
    {
        var (_, said) = await _bot.CustomerSaysAsync("en-US", "My flight CC400 was delayed, booking DEMO06", "Testfall", string.Concat(Enumerable.Repeat("Robin ", 3000)), "yes");

        Assert.DoesNotContain("Sorry, something went wrong", said, StringComparison.Ordinal);
        Assert.Empty(await _bot.GrantsOnAsync("DEMO06"));
    }

    /// <summary>
    /// An approval waits for DEMO04 (USD 1,680); the fare is corrected, the bot grants the smaller proposal itself; a
    /// supervisor then approves the old request: nothing more is paid.
    /// </summary>
    [Fact]
    public async Task Refused_ApprovingARequestAfterTheBotGrantedThePassenger()
    {
        var (_, reference) = await _bot.HandedOffAsync("I was denied boarding, booking DEMO04", "Example");
        var thread = await _bot.TakeAsync(reference);
        var asked = await _bot.AgentWritesAsync(thread, "ada", "Ada Agent", "grant");
        var id = ApprovalReference().Match(asked!).Value;
        await _bot.AgentWritesAsync(thread, "ada", "Ada Agent", "end");
        var cc31 = new DateTime(2026, 11, 21, 14, 0, 0, DateTimeKind.Utc);
        await Operations.SaveAsync([new Booking("DEMO04", [new Passenger("DEMO04-1", "Jordan", "Example", LoyaltyTier.Platinum)], [Seg("CC31", "JFK", "LAX", cc31, 6 + 1.0 / 6, 120, "USD")])], []);
        var (_, bot) = await _bot.CustomerSaysAsync("en-US", "I was denied boarding, booking DEMO04", "Example", "yes");
        Assert.Contains("Your reference is G-", bot, StringComparison.Ordinal);

        var sam = await SupervisorSession.SignInAsync(_bot.Host, "Sam Supervisor", objectId: "sam");
        var token = SupervisorSession.TokenIn(await sam.GetStringAsync("/supervisors/approvals"));
        var approved = await sam.PostAsync("/supervisors/approvals?handler=Approve", new FormUrlEncodedContent(new Dictionary<string, string> { ["id"] = id, ["__RequestVerificationToken"] = token }));

        Assert.NotEqual(HttpStatusCode.OK, approved.StatusCode);
        Assert.Single(await _bot.GrantsOnAsync("DEMO04"));
    }

    /// <summary>Ada asks for approval of an override, Bob takes the case over and grants the proposal, a supervisor approves Ada's request.</summary>
    [Fact]
    public async Task Refused_TakeOverThenGrant_ThenTheOldAgentsApproval_PaysOnce()
    {
        var (_, reference) = await _bot.HandedOffAsync("My flight CC400 was delayed, booking DEMO01", "Sample");
        var thread = await _bot.TakeAsync(reference);
        var asked = await _bot.AgentWritesAsync(thread, "ada", "Ada Agent", "override 4000 EUR big");
        var id = ApprovalReference().Match(asked!).Value;
        var over = await _bot.Teams.PostAsync(_bot.Http, _bot.Teams.CardAction("bob", "Bob Agent", "takeover", reference));
        over.EnsureSuccessStatusCode();
        var adaLate = await _bot.Teams.PostAsync(_bot.Http, _bot.Teams.CardAction("ada", "Ada Agent", "approve", reference));
        var bob = await _bot.Teams.PostAsync(_bot.Http, _bot.Teams.CardAction("bob", "Bob Agent", "approve", reference));
        Assert.Equal(HttpStatusCode.OK, adaLate.StatusCode);
        Assert.Equal(HttpStatusCode.OK, bob.StatusCode);

        var kim = await SupervisorSession.SignInAsync(_bot.Host, "Kim Supervisor", objectId: "kim");
        var token = SupervisorSession.TokenIn(await kim.GetStringAsync("/supervisors/approvals"));
        await kim.PostAsync("/supervisors/approvals?handler=Approve", new FormUrlEncodedContent(new Dictionary<string, string> { ["id"] = id, ["__RequestVerificationToken"] = token }));

        var entry = Assert.Single(await _bot.GrantsOnAsync("DEMO01"));
        Assert.Equal("bob", entry.GrantedBy.Id);
        Assert.Equal(CaseStatus.Taken, (await _bot.Cases.FindHeldAsync(reference, CancellationToken.None))!.Status);
    }

    [GeneratedRegex("CC-[2-9A-HJ-NP-Z]{6}")]
    private static partial Regex CaseReference();

    [GeneratedRegex("A-[2-9A-HJ-NP-Z]{6}")]
    private static partial Regex ApprovalReference();
}

using CustomerCare.Ledger;
using CustomerCare.Operations;
using CustomerCare.Remedies;
using static CustomerCare.Tests.Abuse.Trips;

namespace CustomerCare.Tests.Abuse;

/// <summary>
/// Guarantee: nothing is granted above the granting person's authority, in any currency. An agent's grant or override
/// above their limit (EUR 1,000, USD 1,100, GBP 850, CHF 950 by default) waits for a supervisor; an override must be
/// positive, in the booking's currency, in a known currency, with a reason, and not below what the policy proposes;
/// and the bot's own grants for one disruption never add up to more than an agent may grant.
/// </summary>
public sealed class WithinAuthorityTests : AttackTests
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await Bot.Operations.SaveAsync(
            [Booking("CUREUR", "FRA", "JFK", "EUR"), Booking("CURUSD", "JFK", "LAX", "USD"), Booking("CURGBP", "LHR", "JFK", "GBP"), Booking("CURCHF", "ZRH", "JFK", "CHF")],
            [Flight("CUREUR", "FRA", "JFK"), Flight("CURUSD", "JFK", "LAX"), Flight("CURGBP", "LHR", "JFK"), Flight("CURCHF", "ZRH", "JFK")]);
    }

    private static string FlightNumber(string booking) => booking switch { "CUREUR" => "CC700", "CURUSD" => "CC701", "CURGBP" => "CC702", _ => "CC703" };

    private static Booking Booking(string locator, string from, string to, string currency)
        => new(locator, [new Passenger(locator + "-1", "Cary", "Currency", LoyaltyTier.Basic)], [new Segment(FlightNumber(locator), from, to, Nov18, Nov18.AddHours(8), 500, currency)]);

    private static FlightOperation Flight(string locator, string from, string to)
        => new(FlightNumber(locator), DateOnly.FromDateTime(Nov18), from, to, Nov18, Nov18.AddHours(8), Nov18.AddHours(5), Nov18.AddHours(13),
            false, null, null, null, "TECHNICAL", false, EuCarrier: true);

    private async Task<(string Thread, string Case)> HeldByAdaAsync(string booking)
    {
        var (_, reference) = await Bot.HandedOffAsync($"My flight {FlightNumber(booking)} was delayed, booking {booking}", "Currency");
        return (await Bot.TakeAsync(reference), reference);
    }

    [Theory]
    [InlineData("CUREUR", "1000.01 EUR", "1000.01 EUR is above your authority of 1000.00 EUR")]
    [InlineData("CURUSD", "1100.01 USD", "1100.01 USD is above your authority of 1100.00 USD")]
    [InlineData("CURGBP", "850.01 GBP", "850.01 GBP is above your authority of 850.00 GBP")]
    [InlineData("CURCHF", "950.01 CHF", "950.01 CHF is above your authority of 950.00 CHF")]
    public async Task WithinAuthority_AnOverrideAboveTheLimitInEachCurrency_WaitsForASupervisor(string booking, string amount, string reply)
    {
        var (thread, reference) = await HeldByAdaAsync(booking);

        var answer = await Bot.AgentWritesAsync(thread, "ada", "Ada Agent", $"override {amount} missed a wedding");
        var again = await Bot.AgentWritesAsync(thread, "ada", "Ada Agent", $"override {amount} missed a wedding");

        Assert.StartsWith(reply, answer, StringComparison.Ordinal);
        Assert.Contains("nothing is granted until then", answer, StringComparison.Ordinal);
        Assert.Empty(await Bot.GrantsOnAsync(booking));
        var pending = Assert.Single(await Bot.Approvals.ListAsync(10, CancellationToken.None));
        Assert.Equal((ApprovalStatus.Pending, reference, "ada"), (pending.Status, pending.CaseReference, pending.RequestedBy.Id));
        Assert.Contains(pending.Id, again, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithinAuthority_AnOverrideWithinTheLimit_IsGrantedWithItsReason()
    {
        var (thread, _) = await HeldByAdaAsync("CUREUR");

        Assert.StartsWith("Granted 1000.00 EUR (reference G-", await Bot.AgentWritesAsync(thread, "ada", "Ada Agent", "override 1000 EUR missed a wedding"), StringComparison.Ordinal);

        var grant = Assert.Single(await Bot.GrantsOnAsync("CUREUR"));
        Assert.Equal(("missed a wedding", ActorKind.Agent), (grant.OverrideReason, grant.GrantedBy.Kind));
        Assert.Equal([RemedyKind.Compensation, RemedyKind.Care, RemedyKind.Goodwill], grant.UsesUp);
    }

    [Theory]
    [InlineData("override 0 EUR goodwill", "Refused: the amount must be above zero.")]
    [InlineData("override -50 EUR goodwill", "Refused: the amount must be above zero.")]
    [InlineData("override 50 XYZ goodwill", "Refused: that currency has no authority limit or exchange rate")]
    [InlineData("override 50 USD goodwill", "Refused: an override is made in the booking's currency.")]
    [InlineData("override 50000 GBP goodwill", "Refused: an override is made in the booking's currency.")]
    [InlineData("override 50 EUR", "Refused: an override needs a reason")]
    [InlineData("override lots EUR please", "Refused: write an override as override <amount> <currency> <reason>")]
    [InlineData("override 100 EUR goodwill only", "Refused: an override cannot give less than the policy proposes")]
    public async Task WithinAuthority_ZeroNegativeUnknownOrForeignOverrides_AreRefused(string command, string reply)
    {
        var (thread, _) = await HeldByAdaAsync("CUREUR");

        Assert.StartsWith(reply, await Bot.AgentWritesAsync(thread, "ada", "Ada Agent", command), StringComparison.Ordinal);

        Assert.Empty(await Bot.GrantsOnAsync("CUREUR"));
        Assert.Empty(await Bot.Approvals.ListAsync(10, CancellationToken.None));
    }

    [Fact]
    public async Task WithinAuthority_AProposalInTwoCurrencies_IsCountedInTheBookingsCurrency()
    {
        var (thread, _) = await HeldByAdaAsync("CURCHF");

        // 600 EUR compensation + 24 EUR care under EU261 (Zurich) and 25 CHF goodwill: 624 × 1 / 1.07 + 25 = 608.18 CHF ≤ 950.
        var answer = await Bot.AgentWritesAsync(thread, "ada", "Ada Agent", "grant");

        Assert.StartsWith("Granted 624.00 EUR + 25.00 CHF (reference G-", answer, StringComparison.Ordinal);
    }

    private async Task<string> HeldDemo01Async()
    {
        var (_, reference) = await Bot.HandedOffAsync("My flight CC400 was delayed, booking DEMO01", "Sample");
        return await Bot.TakeAsync(reference);
    }

    [Theory]
    [InlineData("override 0.001 EUR x", "Refused")]
    [InlineData("override 0.005 EUR x", "Refused")]
    [InlineData("override 1e5 EUR x", "Refused")]
    [InlineData("override −100 EUR x", "Refused")]
    [InlineData("override 100- EUR x", "Refused")]
    [InlineData("override (100) EUR x", "Refused")]
    [InlineData("override 100 EUR", "Refused")]
    [InlineData("override 100 EUR  ", "Refused")]
    [InlineData("override 100 EURO x", "Refused")]
    [InlineData("override 100 €  x", "Refused")]
    [InlineData("override 79228162514264337593543950336 EUR x", "Refused")]
    [InlineData("override 1,000.01 EUR x", "1000.01 EUR is above your authority")]
    [InlineData("override 1,0,0,0,0 EUR x", "Refused: write an override as")]
    [InlineData("override 5000 eur x", "5000.00 EUR is above your authority")]
    [InlineData("override 1000.004 EUR x", "Granted 1000.00 EUR")]
    [InlineData("override 999.999 EUR x", "Granted 1000.00 EUR")]
    public async Task WithinAuthority_OverridesWithOddAmountsOrCurrencies_AreRefusedOrBounded(string command, string expected)
    {
        var thread = await HeldDemo01Async();

        var reply = await Bot.AgentWritesAsync(thread, "ada", "Ada Agent", command);

        Assert.StartsWith(expected, reply, StringComparison.Ordinal);
        var total = (await Bot.GrantsOnAsync("DEMO01")).SelectMany(g => g.Remedies).Sum(r => r.Amount);
        Assert.True(total <= 1000m, $"granted {total}");
    }

    /// <summary>
    /// A four-day delay: compensation, meals, four hotel nights and goodwill are each within the automatic limit, but
    /// together (EUR 1,634) above what an agent may grant — so the bot grants nothing on its own and a person decides.
    /// </summary>
    [Fact]
    public async Task WithinAuthority_TheBotNeverGrantsMoreInTotalThanAnAgentMay()
    {
        var departure = new DateTime(2026, 11, 18, 10, 0, 0, DateTimeKind.Utc);
        await Bot.Operations.SaveAsync(
            [new Booking("LONG01", [new Passenger("LONG01-1", "Lena", "Longwait", LoyaltyTier.Platinum)], [new Segment("CC760", "FRA", "JFK", departure, departure.AddHours(8.5), 640, "EUR")])],
            [new FlightOperation("CC760", DateOnly.FromDateTime(departure), "FRA", "JFK", departure, departure.AddHours(8.5), departure.AddDays(4), departure.AddDays(4).AddHours(8.5),
                false, null, null, null, "TECHNICAL", false, EuCarrier: true)]);

        var (_, said) = await Bot.CustomerSaysAsync("en-US", "My flight CC760 was delayed, booking LONG01", "Longwait", "yes");

        Assert.Empty(await Bot.GrantsOnAsync("LONG01"));
        Assert.Contains("needs a person's approval", said, StringComparison.Ordinal);
        Assert.Contains("case CC-", said, StringComparison.Ordinal);
    }

    /// <summary>
    /// Four days late. First recorded as weather (extraordinary): care only, EUR 984 (meals 384, four hotel nights 600),
    /// within the bot's limits. The cause is then corrected to a technical fault: compensation 600 and goodwill 50 open.
    /// Together EUR 1,634 — more than an agent may grant — paid by the bot without a person.
    /// </summary>
    [Fact]
    public async Task WithinAuthority_TheBotsGrantsForOneDisruption_NeverAddUpToMoreThanAnAgentMay()
    {
        var booking = new Booking("LONG02", [new Passenger("LONG02-1", "Lena", "Longwait", LoyaltyTier.Platinum)], [Seg("CC760", "FRA", "JFK", Nov18, 8.5)]);
        await Bot.Operations.SaveAsync([booking], [Op("CC760", "FRA", "JFK", Nov18, 8.5, 96, "WEATHER", extraordinary: true)]);
        var (_, care) = await Bot.CustomerSaysAsync("en-US", "My flight CC760 was delayed, booking LONG02", "Longwait", "yes");

        await Bot.Operations.SaveAsync([booking], [Op("CC760", "FRA", "JFK", Nov18, 8.5, 96, "TECHNICAL")]);
        var (_, rest) = await Bot.CustomerSaysAsync("en-US", "My flight CC760 was delayed, booking LONG02", "Longwait", "yes");

        var grants = await Bot.GrantsOnAsync("LONG02");
        var total = grants.Where(g => g.GrantedBy.Kind == ActorKind.Bot).SelectMany(g => g.Remedies).Sum(r => r.Amount);
        Assert.Contains("Your reference is G-", care, StringComparison.Ordinal);
        Assert.Contains("needs a person's approval", rest, StringComparison.Ordinal);
        Assert.Equal(984m, total);
    }

    /// <summary>The same disruption, handed to an agent after the bot's EUR 984 of care: the agent's EUR 650 makes EUR 1,634, above their EUR 1,000.</summary>
    [Fact]
    public async Task WithinAuthority_AnAgentCompletingADisruption_CountsWhatItAlreadyBrought()
    {
        var booking = new Booking("LONG03", [new Passenger("LONG03-1", "Lena", "Longwait", LoyaltyTier.Platinum)], [Seg("CC760", "FRA", "JFK", Nov18, 8.5)]);
        await Bot.Operations.SaveAsync([booking], [Op("CC760", "FRA", "JFK", Nov18, 8.5, 96, "WEATHER", extraordinary: true)]);
        await Bot.CustomerSaysAsync("en-US", "My flight CC760 was delayed, booking LONG03", "Longwait", "yes");
        await Bot.Operations.SaveAsync([booking], [Op("CC760", "FRA", "JFK", Nov18, 8.5, 96, "TECHNICAL")]);
        var (_, reference) = await Bot.HandedOffAsync("My flight CC760 was delayed, booking LONG03", "Longwait");
        var thread = await Bot.TakeAsync(reference);

        var asked = await Bot.AgentWritesAsync(thread, "ada", "Ada Agent", "grant");

        Assert.StartsWith("1634.00 EUR is above your authority of 1000.00 EUR", asked, StringComparison.Ordinal);
        Assert.Equal(984m, (await Bot.GrantsOnAsync("LONG03")).SelectMany(g => g.Remedies).Sum(r => r.Amount));
        Assert.Single(await Bot.Approvals.ListAsync(10, CancellationToken.None));
    }
}

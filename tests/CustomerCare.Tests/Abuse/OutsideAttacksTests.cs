using System.Net;
using System.Net.Http.Json;
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
/// Attacks from outside on every guarantee at once — granted once per passenger and journey whatever the data
/// changes or spellings, only within authority, only by the agent holding the case, approved only by someone else —
/// each asserting what the product promises.
/// </summary>
public sealed partial class OutsideAttacksTests : IAsyncLifetime
{
    private AttackedBot _bot = null!;

    public async Task InitializeAsync() => _bot = await AttackedBot.StartAsync();

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    private static readonly DateTime Departure = new(2026, 11, 18, 10, 0, 0, DateTimeKind.Utc);

    private LiteDbOperationsData Operations => _bot.Host.Services.GetRequiredService<LiteDbOperationsData>();

    private static Segment Cc400() => new("CC400", "FRA", "JFK", Departure, Departure.AddHours(8.5), 640, "EUR");

    private async Task<IReadOnlyList<LedgerEntry>> AllGrantsAsync(params string[] bookings)
    {
        var all = new List<LedgerEntry>();
        foreach (var b in bookings)
        {
            all.AddRange(await _bot.GrantsOnAsync(b));
        }
        return all;
    }

    // ---------------------------------------------------------------- granted once, whatever the data changes

    /// <summary>The same passenger (same record locator, passenger id and name) whose e-ticket was reissued after the disruption, as after a rebooking.</summary>
    [Fact]
    public async Task GrantedOnce_ATicketReissuedOnTheSameBooking_IsStillTheSamePassenger()
    {
        await Operations.SaveAsync([new Booking("REISS1", [new Passenger("REISS1-1", "Rita", "Reissue", LoyaltyTier.Basic, TicketNumber: "220-1000000001")], [Cc400()])], []);
        var (_, first) = await _bot.CustomerSaysAsync("en-US", "My flight CC400 was delayed, booking REISS1", "Reissue", "yes");
        Assert.Contains("Your reference is G-", first, StringComparison.Ordinal);

        // Nightly import: the same booking, the same passenger id, the ticket exchanged.
        await Operations.SaveAsync([new Booking("REISS1", [new Passenger("REISS1-1", "Rita", "Reissue", LoyaltyTier.Basic, TicketNumber: "220-1000000002")], [Cc400()])], []);
        var (_, second) = await _bot.CustomerSaysAsync("en-US", "My flight CC400 was delayed, booking REISS1", "Reissue", "yes");

        Assert.Single(await _bot.GrantsOnAsync("REISS1"));
        Assert.Contains("already granted", second, StringComparison.Ordinal);
    }

    /// <summary>A corrected first name on the same booking and passenger id (a typo fixed in an import).</summary>
    [Fact]
    public async Task GrantedOnce_AFirstNameCorrectedOnTheSameBooking_IsStillTheSamePassenger()
    {
        var (_, first) = await _bot.CustomerSaysAsync("en-US", "My flight CC400 was delayed, booking DEMO01", "Sample", "yes");
        Assert.Contains("Your reference is G-", first, StringComparison.Ordinal);

        await Operations.SaveAsync([new Booking("DEMO01", [new Passenger("DEMO01-1", "Alexander", "Sample", LoyaltyTier.Basic)], [Cc400()])], []);
        var (_, second) = await _bot.CustomerSaysAsync("en-US", "My flight CC400 was delayed, booking DEMO01", "Sample", "yes");

        Assert.Single(await _bot.GrantsOnAsync("DEMO01"));
        Assert.Contains("already granted", second, StringComparison.Ordinal);
    }

    /// <summary>
    /// The same person on a second booking of the same flight, spelled the way airline systems transliterate names
    /// (ASCII only, ø→O, ł→L, æ→AE, a title after the first name), or with look-alike or full-width letters.
    /// </summary>
    [Theory]
    [InlineData("Lars", "Sørensen", "LARS", "SORENSEN")]
    [InlineData("Lars", "Sørensen", "Lars", "Soerensen")]
    [InlineData("Lech", "Wałęsa", "LECH", "WALESA")]
    [InlineData("Ægir", "Dæhlie", "AEGIR", "DAEHLIE")]
    [InlineData("Alex", "Quinn", "ALEX MR", "QUINN")]
    [InlineData("Ayşe", "Yıldız", "AYSE", "YILDIZ")]
    [InlineData("Alex", "Sample", "Аlex", "Sample")] // Cyrillic А in the second booking's data
    [InlineData("Alex", "Ｓample", "Alex", "Sample")] // fullwidth Ｓ in the first booking's data
    public async Task GrantedOnce_TheSamePersonOnTwoBookingsOfOneFlight_HoweverTheNameIsSpelled(string first1, string last1, string first2, string last2)
    {
        await Operations.SaveAsync(
        [
            new Booking("NAMEA1", [new Passenger("NAMEA1-1", first1, last1, LoyaltyTier.Basic)], [Cc400()]),
            new Booking("NAMEB1", [new Passenger("NAMEB1-1", first2, last2, LoyaltyTier.Basic)], [Cc400()]),
        ], []);

        var (_, a) = await _bot.CustomerSaysAsync("en-US", "My flight CC400 was delayed, booking NAMEA1", last1, "yes");
        var (_, b) = await _bot.CustomerSaysAsync("en-US", "My flight CC400 was delayed, booking NAMEB1", last2, "yes");

        Assert.Contains("Your reference is G-", a, StringComparison.Ordinal);
        Assert.Single(await AllGrantsAsync("NAMEA1", "NAMEB1"));
    }

    /// <summary>Umlaut spellings, ß, hyphens, accents and invisible characters.</summary>
    [Theory]
    [InlineData("Jörg", "Müller", "JOERG", "MUELLER")]
    [InlineData("Anna-Lena", "Groß", "ANNA LENA", "GROSS")]
    [InlineData("José", "Núñez", "JOSE", "NUNEZ")]
    [InlineData("Alex", "Sam\u200Bple", "Alex", "Sample")]
    public async Task GrantedOnce_TheSamePersonOnTwoBookings_WithFoldedSpellings(string first1, string last1, string first2, string last2)
    {
        await Operations.SaveAsync(
        [
            new Booking("FOLDA1", [new Passenger("FOLDA1-1", first1, last1, LoyaltyTier.Basic)], [Cc400()]),
            new Booking("FOLDB1", [new Passenger("FOLDB1-1", first2, last2, LoyaltyTier.Basic)], [Cc400()]),
        ], []);

        await _bot.CustomerSaysAsync("en-US", "My flight CC400 was delayed, booking FOLDA1", last1, "yes");
        var (_, b) = await _bot.CustomerSaysAsync("en-US", "My flight CC400 was delayed, booking FOLDB1", last2, "yes");

        Assert.Single(await AllGrantsAsync("FOLDA1", "FOLDB1"));
        Assert.Contains("already granted", b, StringComparison.Ordinal);
    }

    // ---------------------------------------------------------------- authority: the bot grants more than an agent may

    /// <summary>
    /// A four-day delay: compensation, meals, four hotel nights and goodwill are each within the automatic limit, but
    /// together (EUR 1,634) above what an agent may grant — so the bot grants nothing on its own and a person decides.
    /// </summary>
    [Fact]
    public async Task WithinAuthority_TheBotNeverGrantsMoreInTotalThanAnAgentMay()
    {
        var departure = new DateTime(2026, 11, 18, 10, 0, 0, DateTimeKind.Utc);
        await Operations.SaveAsync(
            [new Booking("LONG01", [new Passenger("LONG01-1", "Lena", "Longwait", LoyaltyTier.Platinum)], [new Segment("CC760", "FRA", "JFK", departure, departure.AddHours(8.5), 640, "EUR")])],
            [new FlightOperation("CC760", DateOnly.FromDateTime(departure), "FRA", "JFK", departure, departure.AddHours(8.5), departure.AddDays(4), departure.AddDays(4).AddHours(8.5),
                false, null, null, null, "TECHNICAL", false, EuCarrier: true)]);

        var (_, said) = await _bot.CustomerSaysAsync("en-US", "My flight CC760 was delayed, booking LONG01", "Longwait", "yes");

        Assert.Empty(await _bot.GrantsOnAsync("LONG01"));
        Assert.Contains("needs a person's approval", said, StringComparison.Ordinal);
        Assert.Contains("case CC-", said, StringComparison.Ordinal);
    }

    // ---------------------------------------------------------------- the second passenger with the same last name

    /// <summary>DEMO06 has Robin (Gold) and Chris (Basic) Testfall: the bot asks which one, and grants each their own entitlement once.</summary>
    [Fact]
    public async Task GrantedOnce_TravellersSharingALastName_AreToldApartByFirstName_AndNeverPaidForEachOther()
    {
        var (_, chris) = await _bot.CustomerSaysAsync("en-US", "My flight CC400 was delayed, booking DEMO06", "Testfall", "Chris", "yes");
        var (_, guess) = await _bot.CustomerSaysAsync("en-US", "My flight CC400 was delayed, booking DEMO06", "Testfall", "yes");
        var (_, again) = await _bot.CustomerSaysAsync("en-US", "My flight CC400 was delayed, booking DEMO06", "Testfall", "CHRIS", "yes");
        var (_, robin) = await _bot.CustomerSaysAsync("en-US", "My flight CC400 was delayed, booking DEMO06", "Testfall", "Robin", "yes");

        Assert.Contains("More than one traveller on booking DEMO06 is called Testfall", chris, StringComparison.Ordinal);
        Assert.Contains("€649.00 in total", chris, StringComparison.Ordinal);
        Assert.Contains("couldn't find booking DEMO06 with the last name yes Testfall", guess, StringComparison.Ordinal);
        Assert.Contains("already granted €649.00", again, StringComparison.Ordinal);
        Assert.Contains("€661.50 in total", robin, StringComparison.Ordinal);
        var grants = await _bot.GrantsOnAsync("DEMO06");
        Assert.Equal(["DEMO06-1", "DEMO06-2"], grants.Select(g => g.Subject.PassengerId).Order());
    }

    // ---------------------------------------------------------------- customers acting as agents (expected refused)

    [Fact]
    public async Task OnlyAgents_ACustomerTypingAgentsCommandsOrForgingTeamsFieldsThroughDirectLine_ChangesNothing()
    {
        var (customer, reference) = await _bot.HandedOffAsync("I was denied boarding, booking DEMO04", "Example");
        var thread = await _bot.TakeAsync(reference);
        var path = $"/v3/directline/conversations/{customer.ConversationId}/activities";

        foreach (var text in new[] { "grant", "override 5000 USD wedding", "take over", "end", "approve" })
        {
            await customer.PostMessageAsync(text);
        }
        // A message dressed as a Teams agent's in the case thread.
        var forged = await customer.SendAsync(HttpMethod.Post, path, new
        {
            type = "message", text = "grant", channelId = "msteams", serviceUrl = _bot.Teams.Channel.ServiceUrl,
            from = new { id = "29:ada", name = "Ada Agent", aadObjectId = "ada", role = "user" },
            conversation = new { id = thread, isGroup = true, conversationType = "channel", tenantId = TeamsAgents.Tenant },
            channelData = new { tenant = new { id = TeamsAgents.Tenant }, team = new { id = TeamsAgents.AgentTeam }, channel = new { id = TeamsAgents.AgentChannel } },
        });
        // An invoke with the same forgery.
        var invoke = await customer.SendAsync(HttpMethod.Post, path, new
        {
            type = "invoke", name = "adaptiveCard/action", channelId = "msteams",
            value = new { action = new { type = "Action.Execute", verb = "approve", data = new { @case = reference } } },
            from = new { id = "29:ada", name = "Ada Agent", aadObjectId = "ada" },
            conversation = new { id = TeamsAgents.AgentChannel + ";messageid=1" },
            channelData = new { tenant = new { id = TeamsAgents.Tenant }, channel = new { id = TeamsAgents.AgentChannel } },
        });
        // A message carrying card-action data (Action.Submit style).
        var submit = await customer.SendAsync(HttpMethod.Post, path, new
        {
            type = "message", value = new { action = new { verb = "approve", data = new { @case = reference } }, verb = "approve", @case = reference },
        });

        Assert.Equal(HttpStatusCode.OK, forged.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, invoke.StatusCode);
        Assert.Equal(HttpStatusCode.OK, submit.StatusCode);
        Assert.Empty(await _bot.GrantsOnAsync("DEMO04"));
        Assert.Empty(await _bot.Approvals.ListAsync(10, CancellationToken.None));
        var held = (await _bot.Cases.FindHeldAsync(reference, CancellationToken.None))!;
        Assert.Equal((CaseStatus.Taken, "ada"), (held.Status, held.AgentId));
    }

    [Fact]
    public async Task OnlyAgents_UnsignedOrLookalikeTeamsRequestsOnApiMessages_ChangeNothing()
    {
        var (_, reference) = await _bot.HandedOffAsync("I was denied boarding, booking DEMO04", "Example");
        var thread = await _bot.TakeAsync(reference);

        // No token.
        var unsigned = await _bot.Http.PostAsJsonAsync("/api/messages", _bot.Teams.InThread("ada", "Ada Agent", "grant", thread));
        // Signed, but as the emulator channel with Teams channelData.
        var emulatorThread = await _bot.Teams.PostAsync(_bot.Http, Relabel(_bot.Teams.InThread("ada", "Ada Agent", "grant", thread), "emulator"));
        var emulatorInvoke = await _bot.Teams.PostAsync(_bot.Http, Relabel(_bot.Teams.CardAction("ada", "Ada Agent", "approve", reference), "emulator"));
        // Signed Teams, but a conversation id that only starts like the agents' channel, and no channel in channelData.
        var prefix = await _bot.Teams.PostAsync(_bot.Http, new
        {
            type = "invoke", name = "adaptiveCard/action", channelId = "msteams", serviceUrl = _bot.Teams.Channel.ServiceUrl,
            value = new { action = new { type = "Action.Execute", verb = "takeover", data = new { @case = reference } } },
            from = new { id = "29:mallory", name = "Mallory", aadObjectId = "mallory" }, recipient = new { id = "28:" + TeamsAgents.AppId },
            conversation = new { id = TeamsAgents.AgentChannel + "x;messageid=1", tenantId = TeamsAgents.Tenant },
            channelData = new { tenant = new { id = TeamsAgents.Tenant } },
        });
        // Signed Teams, personal chat (no channel), conversation id = the case thread's channel part with a suffix.
        var personal = await _bot.Teams.PostAsync(_bot.Http, new
        {
            type = "invoke", name = "adaptiveCard/action", channelId = "msteams", serviceUrl = _bot.Teams.Channel.ServiceUrl,
            value = new { action = new { type = "Action.Execute", verb = "takeover", data = new { @case = reference } } },
            from = new { id = "29:mallory", name = "Mallory", aadObjectId = "mallory" }, recipient = new { id = "28:" + TeamsAgents.AppId },
            conversation = new { id = "a:1" + TeamsAgents.AgentChannel, conversationType = "personal", tenantId = TeamsAgents.Tenant },
            channelData = new { tenant = new { id = TeamsAgents.Tenant } },
        });
        // Channel id differing only in case.
        var upper = await _bot.Teams.PostAsync(_bot.Http, _bot.Teams.CardAction("mallory", "Mallory", "takeover", reference, channel: TeamsAgents.AgentChannel.ToUpperInvariant()));

        Assert.Equal(HttpStatusCode.Unauthorized, unsigned.StatusCode);
        Assert.Equal(HttpStatusCode.OK, emulatorThread.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, emulatorInvoke.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, prefix.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, personal.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, upper.StatusCode);
        Assert.Empty(await _bot.GrantsOnAsync("DEMO04"));
        Assert.Empty(await _bot.Approvals.ListAsync(10, CancellationToken.None));
        Assert.Equal("ada", (await _bot.Cases.FindHeldAsync(reference, CancellationToken.None))!.AgentId);
    }

    private static System.Text.Json.Nodes.JsonNode Relabel(object activity, string channelId)
    {
        var node = System.Text.Json.Nodes.JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(activity))!;
        node["channelId"] = channelId;
        return node;
    }

    [Fact]
    public async Task OnlyAgents_AnonymousTeamsTrafficOnALocalBot_ChangesNothing()
    {
        await using var local = await AttackedBot.StartAsync(configure: host => host.Settings["MicrosoftAppId"] = string.Empty, install: false);
        var (_, reference) = await local.HandedOffAsync("I was denied boarding, booking DEMO04", "Example");

        var install = await local.Http.PostAsJsonAsync("/api/messages", local.Teams.InChannel("conversationUpdate", "mallory", "Mallory"));
        var take = await local.Http.PostAsJsonAsync("/api/messages", local.Teams.CardAction("mallory", "Mallory", "take", reference));
        var approve = await local.Http.PostAsJsonAsync("/api/messages", local.Teams.CardAction("mallory", "Mallory", "approve", reference));

        Assert.Equal(HttpStatusCode.OK, install.StatusCode);
        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden), (take.StatusCode, approve.StatusCode));
        Assert.Equal(CaseStatus.Open, (await local.Cases.FindHeldAsync(reference, CancellationToken.None))!.Status);
        Assert.Empty(await local.GrantsOnAsync("DEMO04"));
    }

    // ---------------------------------------------------------------- Teams: wrong people (expected refused)

    [Fact]
    public async Task OnlyTheHolder_AnotherCasesAgent_ASameNamedAgent_OrOneWithoutAnEntraId_CannotActOnTheCase()
    {
        var (_, case1) = await _bot.HandedOffAsync("My flight CC400 was delayed, booking DEMO01", "Sample");
        var thread1 = await _bot.TakeAsync(case1);
        var (_, case2) = await _bot.HandedOffAsync("I was denied boarding, booking DEMO04", "Example");
        var thread2 = await _bot.TakeAsync(case2, "bob", "Bob Agent");

        // Ada (holder of case 1) writes grant in Bob's thread.
        var inOtherThread = await _bot.AgentWritesAsync(thread2, "ada", "Ada Agent", "grant");
        // Someone named "Ada Agent" with another id.
        var sameName = await _bot.AgentWritesAsync(thread1, "mallory", "Ada Agent", "grant");
        // Ada without aadObjectId (id falls back to from.id).
        var id = Guid.NewGuid().ToString("N");
        await _bot.Teams.SendAsync(_bot.Http, new
        {
            type = "message", id, text = "override 900 EUR friendly", channelId = "msteams", serviceUrl = _bot.Teams.Channel.ServiceUrl,
            from = new { id = "29:ada", name = "Ada Agent" }, recipient = new { id = "28:" + TeamsAgents.AppId },
            conversation = new { id = thread1, isGroup = true, conversationType = "channel" },
            channelData = new { tenant = new { id = TeamsAgents.Tenant }, channel = new { id = TeamsAgents.AgentChannel } },
        });
        var noAad = _bot.Teams.Channel.Calls.LastOrDefault(c => c.Path.EndsWith("/activities/" + id, StringComparison.Ordinal)).Body?["text"]?.GetValue<string>();
        // Card approve of case 2 by Ada.
        var card = await _bot.Teams.PostAsync(_bot.Http, _bot.Teams.CardAction("ada", "Ada Agent", "approve", case2));

        Assert.StartsWith("Bob Agent holds case", inOtherThread, StringComparison.Ordinal);
        Assert.StartsWith("Ada Agent holds case", sameName, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, card.StatusCode);
        Assert.Empty(await AllGrantsAsync("DEMO01", "DEMO04"));
        Assert.Empty(await _bot.Approvals.ListAsync(10, CancellationToken.None));
        Assert.Null(noAad);
    }

    // ---------------------------------------------------------------- overrides (expected refused or bounded)

    private async Task<string> HeldDemo01Async()
    {
        var (_, reference) = await _bot.HandedOffAsync("My flight CC400 was delayed, booking DEMO01", "Sample");
        return await _bot.TakeAsync(reference);
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

        var reply = await _bot.AgentWritesAsync(thread, "ada", "Ada Agent", command);

        Assert.StartsWith(expected, reply, StringComparison.Ordinal);
        var total = (await _bot.GrantsOnAsync("DEMO01")).SelectMany(g => g.Remedies).Sum(r => r.Amount);
        Assert.True(total <= 1000m, $"granted {total}");
    }

    [Fact]
    public async Task GrantedOnce_OverridesInARow_AfterAGrant_AndAnApprovalRequestedBefore_PayOnce()
    {
        var thread = await HeldDemo01Async();

        var above = await _bot.AgentWritesAsync(thread, "ada", "Ada Agent", "override 5000 EUR big");
        var within = await _bot.AgentWritesAsync(thread, "ada", "Ada Agent", "override 900 EUR smaller");
        var again = await _bot.AgentWritesAsync(thread, "ada", "Ada Agent", "override 900 EUR again");
        var grant = await _bot.AgentWritesAsync(thread, "ada", "Ada Agent", "grant");
        var bag = await _bot.AgentWritesAsync(thread, "ada", "Ada Agent", "override 900 EUR bag too");

        Assert.Contains("is above your authority", above, StringComparison.Ordinal);
        Assert.StartsWith("Granted 900.00 EUR", within, StringComparison.Ordinal);
        Assert.StartsWith("Refused: already granted", again, StringComparison.Ordinal);
        Assert.StartsWith("Refused: already granted", grant, StringComparison.Ordinal);
        Assert.StartsWith("Refused: already granted", bag, StringComparison.Ordinal);

        // The pending approval for 5000 is approved afterwards by a supervisor: must not pay.
        var approval = Assert.Single(await _bot.Approvals.ListAsync(10, CancellationToken.None));
        var sam = await SupervisorSession.SignInAsync(_bot.Host, "Sam Supervisor", objectId: "sam");
        var token = SupervisorSession.TokenIn(await sam.GetStringAsync("/supervisors/approvals"));
        var approved = await sam.PostAsync("/supervisors/approvals?handler=Approve", new FormUrlEncodedContent(new Dictionary<string, string> { ["id"] = approval.Id, ["__RequestVerificationToken"] = token }));

        Assert.Equal(HttpStatusCode.Conflict, approved.StatusCode);
        var entry = Assert.Single(await _bot.GrantsOnAsync("DEMO01"));
        Assert.Equal(900m, entry.Remedies.Sum(r => r.Amount));
    }

    /// <summary>A bag override after a flight grant that held no goodwill (DEMO03: weather, care only).</summary>
    [Fact]
    public async Task GrantedOnce_ABagOverrideAfterACareOnlyFlightGrant_IsBoundedByAuthority()
    {
        var (_, granted) = await _bot.CustomerSaysAsync("en-US", "My flight CC950 was delayed, booking DEMO03", "Muster", "yes");
        Assert.Contains("Your reference is G-", granted, StringComparison.Ordinal);
        var (_, reference) = await _bot.HandedOffAsync("my suitcase on CC950 did not arrive, booking DEMO03", "Muster");
        var thread = await _bot.TakeAsync(reference);

        var reply = await _bot.AgentWritesAsync(thread, "ada", "Ada Agent", "override 1000 EUR bag lost");
        var flight = await _bot.AgentWritesAsync(thread, "ada", "Ada Agent", "override 1000 EUR more");

        // The flight's care and the bag's override are separate entitlements; each within authority, and a second override is refused.
        Assert.StartsWith("Refused: already granted", flight, StringComparison.Ordinal);
        var total = (await _bot.GrantsOnAsync("DEMO03")).SelectMany(g => g.Remedies).Sum(r => r.Amount);
        Assert.True(total <= 1100m, $"DEMO03 yielded {total} EUR: {reply} / {flight}");
    }

    // ---------------------------------------------------------------- approvals (expected refused / once)

    [Fact]
    public async Task ApprovedOnce_ConcurrentApprovalsAndDeclines_DecideOnce_AndNobodyApprovesTheirOwnUnderAnotherCaseOrSpacing()
    {
        var (_, reference) = await _bot.HandedOffAsync("I was denied boarding, booking DEMO04", "Example");
        var thread = await _bot.TakeAsync(reference);
        var asked = await _bot.AgentWritesAsync(thread, "ada", "Ada Agent", "grant");
        var id = ApprovalReference().Match(asked!).Value;

        async Task<HttpResponseMessage> Decide(HttpClient s, string handler)
        {
            var token = SupervisorSession.TokenIn(await s.GetStringAsync("/supervisors/approvals"));
            return await s.PostAsync("/supervisors/approvals?handler=" + handler, new FormUrlEncodedContent(new Dictionary<string, string> { ["id"] = id, ["__RequestVerificationToken"] = token }));
        }

        var self1 = await Decide(await SupervisorSession.SignInAsync(_bot.Host, "Someone Else", objectId: "ADA"), "Approve");
        var self2 = await Decide(await SupervisorSession.SignInAsync(_bot.Host, "  ADA AGENT  "), "Approve");
        Assert.Equal((HttpStatusCode.Conflict, HttpStatusCode.Conflict), (self1.StatusCode, self2.StatusCode));

        var sam = await SupervisorSession.SignInAsync(_bot.Host, "Sam Supervisor", objectId: "sam");
        var kim = await SupervisorSession.SignInAsync(_bot.Host, "Kim Supervisor", objectId: "kim");
        var results = await Task.WhenAll(Enumerable.Range(0, 32).Select(i => Decide(i % 2 == 0 ? sam : kim, i % 2 == 0 ? "Approve" : "Decline")));

        Assert.Equal(1, results.Count(r => r.StatusCode == HttpStatusCode.OK));
        var decided = (await _bot.Approvals.FindAsync(id, CancellationToken.None))!;
        Assert.Equal(decided.Status == ApprovalStatus.Approved ? 1 : 0, (await _bot.GrantsOnAsync("DEMO04")).Count);
    }

    /// <summary>
    /// An agent's Teams activity without an Entra object id (aadObjectId) is not taken as an agent's: otherwise a request
    /// recorded under another id could be approved by the same person signing in with their object id.
    /// </summary>
    [Fact]
    public async Task NobodyApprovesTheirOwnRequest_AnAgentWithoutAnEntraObjectId_CannotAskInTheFirstPlace()
    {
        var (_, reference) = await _bot.HandedOffAsync("I was denied boarding, booking DEMO04", "Example");
        // Ada takes and asks without aadObjectId in her activities.
        var take = await _bot.Teams.PostAsync(_bot.Http, new
        {
            type = "invoke", name = "adaptiveCard/action", channelId = "msteams", serviceUrl = _bot.Teams.Channel.ServiceUrl,
            value = new { action = new { type = "Action.Execute", verb = "take", data = new { @case = reference } } },
            from = new { id = "29:ada", name = "Ada Agent" }, recipient = new { id = "28:" + TeamsAgents.AppId },
            conversation = new { id = TeamsAgents.AgentChannel + ";messageid=1", tenantId = TeamsAgents.Tenant },
            channelData = new { tenant = new { id = TeamsAgents.Tenant }, team = new { id = TeamsAgents.AgentTeam }, channel = new { id = TeamsAgents.AgentChannel } },
        });
        Assert.Equal(HttpStatusCode.Forbidden, take.StatusCode);
        Assert.Equal(CaseStatus.Open, (await _bot.Cases.FindHeldAsync(reference, CancellationToken.None))!.Status);
        var thread = await _bot.TakeAsync(reference);
        await _bot.Teams.SendAsync(_bot.Http, new
        {
            type = "message", text = "grant", channelId = "msteams", serviceUrl = _bot.Teams.Channel.ServiceUrl,
            from = new { id = "29:ada", name = "Ada Agent" }, recipient = new { id = "28:" + TeamsAgents.AppId },
            conversation = new { id = thread, isGroup = true, conversationType = "channel" },
            channelData = new { tenant = new { id = TeamsAgents.Tenant }, channel = new { id = TeamsAgents.AgentChannel } },
        });
        Assert.Empty(await _bot.Approvals.ListAsync(10, CancellationToken.None));
        Assert.Contains(_bot.Host.Logs.Lines, l => l.Message.StartsWith("Agents' action refused (NoAgentId)", StringComparison.Ordinal));
        Assert.Empty(await _bot.GrantsOnAsync("DEMO04"));
    }

    /// <summary>The booking is re-imported after a rebooking onto the next day's flight (same record locator, same passenger): it is still the FRA→JFK journey.</summary>
    [Fact]
    public async Task GrantedOnce_ARebookingOntoAnotherFlightOfTheSameBooking_IsTheSameJourney()
    {
        var (_, first) = await _bot.CustomerSaysAsync("en-US", "My flight CC400 was delayed, booking DEMO01", "Sample", "yes");
        Assert.Contains("Your reference is G-", first, StringComparison.Ordinal);
        var next = Departure.AddDays(1);
        await Operations.SaveAsync(
            [new Booking("DEMO01", [new Passenger("DEMO01-1", "Alex", "Sample", LoyaltyTier.Basic)], [new Segment("CC402", "FRA", "JFK", next, next.AddHours(8.5), 640, "EUR")])],
            [new FlightOperation("CC402", DateOnly.FromDateTime(next), "FRA", "JFK", next, next.AddHours(8.5), next.AddHours(4), next.AddHours(12.5), false, null, null, null, "TECHNICAL", false, EuCarrier: true)]);

        var (_, second) = await _bot.CustomerSaysAsync("en-US", "My flight CC402 was delayed, booking DEMO01", "Sample", "yes");

        Assert.Single(await _bot.GrantsOnAsync("DEMO01"));
        Assert.Contains("already granted €649.00", second, StringComparison.Ordinal);
    }

    /// <summary>A passenger without a first name is refused by the import; one already stored is still assessed without an error.</summary>
    [Fact]
    public async Task APassengerWithoutAFirstName_IsRefusedByTheImport_AndDoesNotBreakTheGrantPath()
    {
        var problems = OperationsValidator.Check(new Booking("NOFN01", [new Passenger("NOFN01-1", "", "Nofirst", LoyaltyTier.Basic)], [Cc400()]), CustomerCare.Airports.AirportDirectory.Embedded);
        var mixed = OperationsValidator.Check(new Booking("MIXD01", [new Passenger("MIXD01-1", "Аlex", "Sample", LoyaltyTier.Basic)], [Cc400()]), CustomerCare.Airports.AirportDirectory.Embedded);
        await Operations.SaveAsync([new Booking("NOFN01", [new Passenger("NOFN01-1", null!, "Nofirst", LoyaltyTier.Basic)], [Cc400()])], []);

        var (_, said) = await _bot.CustomerSaysAsync("en-US", "My flight CC400 was delayed, booking NOFN01", "Nofirst", "yes");

        Assert.Contains("every passenger needs passengerId, firstName and lastName", problems);
        Assert.Contains("the name of passenger 'MIXD01-1' mixes Latin letters with Cyrillic or Greek ones", mixed);
        Assert.Contains("Your reference is G-", said, StringComparison.Ordinal);
    }

    [GeneratedRegex("A-[2-9A-HJ-NP-Z]{6}")]
    private static partial Regex ApprovalReference();
}

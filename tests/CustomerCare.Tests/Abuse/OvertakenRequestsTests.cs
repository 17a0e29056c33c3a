using System.Net;
using CustomerCare.Cases;
using CustomerCare.Ledger;
using CustomerCare.Operations;
using CustomerCare.Remedies;
using CustomerCare.Tests.Supervisors;
using static CustomerCare.Tests.Abuse.Trips;

namespace CustomerCare.Tests.Abuse;

/// <summary>
/// Guarantee: a disruption asked for more than once is paid at most once — overrides in a row, a bag after its flight,
/// approval requests overtaken by the bot's grant, by a take-over or by many supervisors deciding at once — and a
/// namesake's request stays their own.
/// </summary>
public sealed class OvertakenRequestsTests : AttackTests
{
    private async Task<string> HeldDemo01Async()
    {
        var (_, reference) = await Bot.HandedOffAsync("My flight CC400 was delayed, booking DEMO01", "Sample");
        return await Bot.TakeAsync(reference);
    }

    [Fact]
    public async Task GrantedOnce_OverridesInARow_AfterAGrant_AndAnApprovalRequestedBefore_PayOnce()
    {
        var thread = await HeldDemo01Async();

        var above = await Bot.AgentWritesAsync(thread, "ada", "Ada Agent", "override 5000 EUR big");
        var within = await Bot.AgentWritesAsync(thread, "ada", "Ada Agent", "override 900 EUR smaller");
        var again = await Bot.AgentWritesAsync(thread, "ada", "Ada Agent", "override 900 EUR again");
        var grant = await Bot.AgentWritesAsync(thread, "ada", "Ada Agent", "grant");
        var bag = await Bot.AgentWritesAsync(thread, "ada", "Ada Agent", "override 900 EUR bag too");

        Assert.Contains("is above your authority", above, StringComparison.Ordinal);
        Assert.StartsWith("Granted 900.00 EUR", within, StringComparison.Ordinal);
        Assert.StartsWith("Refused: already granted", again, StringComparison.Ordinal);
        Assert.StartsWith("Refused: already granted", grant, StringComparison.Ordinal);
        Assert.StartsWith("Refused: already granted", bag, StringComparison.Ordinal);

        // The pending approval for 5000 is approved afterwards by a supervisor: must not pay.
        var approval = Assert.Single(await Bot.Approvals.ListAsync(10, CancellationToken.None));
        var sam = await SupervisorSession.SignInAsync(Bot.Host, "Sam Supervisor", objectId: "sam");
        var approved = await SupervisorSession.DecideAsync(sam, "Approve", approval.Id);

        Assert.Equal(HttpStatusCode.Conflict, approved.StatusCode);
        var entry = Assert.Single(await Bot.GrantsOnAsync("DEMO01"));
        Assert.Equal(900m, entry.Remedies.Sum(r => r.Amount));
    }

    /// <summary>A bag override after a flight grant that held no goodwill (DEMO03: weather, care only).</summary>
    [Fact]
    public async Task GrantedOnce_ABagOverrideAfterACareOnlyFlightGrant_IsBoundedByAuthority()
    {
        var (_, granted) = await Bot.CustomerSaysAsync("en-US", "My flight CC950 was delayed, booking DEMO03", "Muster", "yes");
        Assert.Contains("Your reference is G-", granted, StringComparison.Ordinal);
        var (_, reference) = await Bot.HandedOffAsync("my suitcase on CC950 did not arrive, booking DEMO03", "Muster");
        var thread = await Bot.TakeAsync(reference);

        var reply = await Bot.AgentWritesAsync(thread, "ada", "Ada Agent", "override 1000 EUR bag lost");
        var flight = await Bot.AgentWritesAsync(thread, "ada", "Ada Agent", "override 1000 EUR more");

        // The flight's care and the bag's override are separate entitlements; each within authority, and a second override is refused.
        Assert.StartsWith("Refused: already granted", flight, StringComparison.Ordinal);
        var total = (await Bot.GrantsOnAsync("DEMO03")).SelectMany(g => g.Remedies).Sum(r => r.Amount);
        Assert.True(total <= 1100m, $"DEMO03 yielded {total} EUR: {reply} / {flight}");
    }

    [Fact]
    public async Task ApprovedOnce_ConcurrentApprovalsAndDeclines_DecideOnce_AndNobodyApprovesTheirOwnUnderAnotherCaseOrSpacing()
    {
        var (_, reference) = await Bot.HandedOffAsync("I was denied boarding, booking DEMO04", "Example");
        var thread = await Bot.TakeAsync(reference);
        var asked = await Bot.AgentWritesAsync(thread, "ada", "Ada Agent", "grant");
        var id = AttackedBot.ApprovalIn(asked);

        Task<HttpResponseMessage> Decide(HttpClient supervisor, string handler) => SupervisorSession.DecideAsync(supervisor, handler, id);

        var self1 = await Decide(await SupervisorSession.SignInAsync(Bot.Host, "Someone Else", objectId: "ADA"), "Approve");
        var self2 = await Decide(await SupervisorSession.SignInAsync(Bot.Host, "  ADA AGENT  "), "Approve");
        Assert.Equal((HttpStatusCode.Conflict, HttpStatusCode.Conflict), (self1.StatusCode, self2.StatusCode));

        var sam = await SupervisorSession.SignInAsync(Bot.Host, "Sam Supervisor", objectId: "sam");
        var kim = await SupervisorSession.SignInAsync(Bot.Host, "Kim Supervisor", objectId: "kim");
        var results = await Task.WhenAll(Enumerable.Range(0, 32).Select(i => Decide(i % 2 == 0 ? sam : kim, i % 2 == 0 ? "Approve" : "Decline")));

        Assert.Equal(1, results.Count(r => r.StatusCode == HttpStatusCode.OK));
        var decided = (await Bot.Approvals.FindAsync(id, CancellationToken.None))!;
        Assert.Equal(decided.Status == ApprovalStatus.Approved ? 1 : 0, (await Bot.GrantsOnAsync("DEMO04")).Count);
    }

    /// <summary>
    /// An approval waits for DEMO04 (USD 1,680); the fare is corrected, the bot grants the smaller proposal itself; a
    /// supervisor then approves the old request: nothing more is paid.
    /// </summary>
    [Fact]
    public async Task Refused_ApprovingARequestAfterTheBotGrantedThePassenger()
    {
        var (_, reference) = await Bot.HandedOffAsync("I was denied boarding, booking DEMO04", "Example");
        var thread = await Bot.TakeAsync(reference);
        var asked = await Bot.AgentWritesAsync(thread, "ada", "Ada Agent", "grant");
        var id = AttackedBot.ApprovalIn(asked);
        await Bot.AgentWritesAsync(thread, "ada", "Ada Agent", "end");
        var cc31 = new DateTime(2026, 11, 21, 14, 0, 0, DateTimeKind.Utc);
        await Bot.Operations.SaveAsync([new Booking("DEMO04", [new Passenger("DEMO04-1", "Jordan", "Example", LoyaltyTier.Platinum)], [Seg("CC31", "JFK", "LAX", cc31, 6 + 1.0 / 6, 120, "USD")])], []);
        var (_, bot) = await Bot.CustomerSaysAsync("en-US", "I was denied boarding, booking DEMO04", "Example", "yes");
        Assert.Contains("Your reference is G-", bot, StringComparison.Ordinal);

        var sam = await SupervisorSession.SignInAsync(Bot.Host, "Sam Supervisor", objectId: "sam");
        var approved = await SupervisorSession.DecideAsync(sam, "Approve", id);

        Assert.NotEqual(HttpStatusCode.OK, approved.StatusCode);
        Assert.Single(await Bot.GrantsOnAsync("DEMO04"));
    }

    /// <summary>Ada asks for approval of an override, Bob takes the case over and grants the proposal, a supervisor approves Ada's request.</summary>
    [Fact]
    public async Task Refused_TakeOverThenGrant_ThenTheOldAgentsApproval_PaysOnce()
    {
        var (_, reference) = await Bot.HandedOffAsync("My flight CC400 was delayed, booking DEMO01", "Sample");
        var thread = await Bot.TakeAsync(reference);
        var asked = await Bot.AgentWritesAsync(thread, "ada", "Ada Agent", "override 4000 EUR big");
        var id = AttackedBot.ApprovalIn(asked);
        var over = await Bot.Teams.PostAsync(Bot.Http, Bot.Teams.CardAction("bob", "Bob Agent", "takeover", reference));
        over.EnsureSuccessStatusCode();
        var adaLate = await Bot.Teams.PostAsync(Bot.Http, Bot.Teams.CardAction("ada", "Ada Agent", "approve", reference));
        var bob = await Bot.Teams.PostAsync(Bot.Http, Bot.Teams.CardAction("bob", "Bob Agent", "approve", reference));
        Assert.Equal(HttpStatusCode.OK, adaLate.StatusCode);
        Assert.Equal(HttpStatusCode.OK, bob.StatusCode);

        var kim = await SupervisorSession.SignInAsync(Bot.Host, "Kim Supervisor", objectId: "kim");
        await SupervisorSession.DecideAsync(kim, "Approve", id);

        var entry = Assert.Single(await Bot.GrantsOnAsync("DEMO01"));
        Assert.Equal("bob", entry.GrantedBy.Id);
        Assert.Equal(CaseStatus.Taken, (await Bot.Cases.FindHeldAsync(reference, CancellationToken.None))!.Status);
    }

    /// <summary>
    /// Two people named Pat Namesake, with different e-tickets (two people, says the README), both denied boarding on CC31
    /// (USD 1,680 each, above authority). Each agent's request must be that passenger's own.
    /// </summary>
    [Fact]
    public async Task Approvals_TwoPassengersWithTheSameNameButDifferentTickets_GetTheirOwnRequests()
    {
        var cc31 = new DateTime(2026, 11, 21, 14, 0, 0, DateTimeKind.Utc);
        await Bot.Operations.SaveAsync(
        [
            new Booking("NAMD01", [new Passenger("NAMD01-1", "Pat", "Namesake", LoyaltyTier.Basic, TicketNumber: "220-3333333333")], [Seg("CC31", "JFK", "LAX", cc31, 6 + 1.0 / 6, 420, "USD")]),
            new Booking("NAMD02", [new Passenger("NAMD02-1", "Pat", "Namesake", LoyaltyTier.Basic, TicketNumber: "220-4444444444")], [Seg("CC31", "JFK", "LAX", cc31, 6 + 1.0 / 6, 420, "USD")]),
        ], []);
        var (_, caseA) = await Bot.HandedOffAsync("I was denied boarding, booking NAMD01", "Namesake");
        var (_, caseB) = await Bot.HandedOffAsync("I was denied boarding, booking NAMD02", "Namesake");
        var threadA = await Bot.TakeAsync(caseA);
        var threadB = await Bot.TakeAsync(caseB, "bob", "Bob Agent");

        var askedA = await Bot.AgentWritesAsync(threadA, "ada", "Ada Agent", "grant");
        var askedB = await Bot.AgentWritesAsync(threadB, "bob", "Bob Agent", "grant");

        var pending = await Bot.Approvals.ListAsync(10, CancellationToken.None);
        Assert.Equal(["NAMD01", "NAMD02"], pending.Select(p => p.Who.BookingReference).Order());
        Assert.Equal(2, pending.Select(p => p.Id).Distinct().Count());
    }
}

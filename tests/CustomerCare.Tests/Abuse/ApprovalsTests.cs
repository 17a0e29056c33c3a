using System.Net;
using CustomerCare.Ledger;
using CustomerCare.Tests.Supervisors;
using CustomerCare.Tests.Support;

namespace CustomerCare.Tests.Abuse;

/// <summary>
/// Guarantee: a grant above an agent's authority is made only when a supervisor approves it in the supervisors' area —
/// once, however often or however many at once approve; never by the person who asked; never without the Supervisor
/// role or the page's antiforgery token; and not at all once declined. The ledger records requester, approver and both times.
/// </summary>
public class ApprovalsTests : AttackTests
{
    private DirectLineClient _customer = null!;
    private string _thread = string.Empty;
    private string _approval = string.Empty;

    /// <summary>DEMO04: the US denied-boarding compensation (1,680 USD), meals (12 USD) and goodwill (50 USD) are above Ada's 1,100 USD.</summary>
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        (_customer, var reference) = await Bot.HandedOffAsync("I was denied boarding, booking DEMO04", "Example");
        _thread = await Bot.TakeAsync(reference);
        var asked = await Bot.AgentWritesAsync(_thread, "ada", "Ada Agent", "grant");
        Assert.StartsWith("1742.00 USD is above your authority of 1100.00 USD. Approval A-", asked, StringComparison.Ordinal);
        _approval = AttackedBot.ApprovalIn(asked);
        Assert.Contains(_approval, await Bot.AgentWritesAsync(_thread, "ada", "Ada Agent", "grant"), StringComparison.Ordinal);
    }

    private Task<HttpResponseMessage> DecideAsync(HttpClient session, string handler, string? token = null, string? approval = null)
        => SupervisorSession.DecideAsync(session, handler, approval ?? _approval, token);

    [Fact]
    public async Task ApprovedOnce_SixtyFourApprovalsAtOnce_GrantOnce_WithRequesterAndApprover()
    {
        var sessions = await Task.WhenAll(Enumerable.Range(0, 4).Select(i => SupervisorSession.SignInAsync(Bot.Host, "Sam Supervisor " + i, objectId: "sam-" + i)));
        var tokens = await Task.WhenAll(sessions.Select(async s => SupervisorSession.TokenIn(await s.GetStringAsync("/supervisors/approvals"))));
        var (_, before) = await _customer.GetActivitiesAsync();

        var responses = await Task.WhenAll(Enumerable.Range(0, 64).Select(i => DecideAsync(sessions[i % 4], "Approve", tokens[i % 4])));

        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
        Assert.Equal(63, responses.Count(r => r.StatusCode == HttpStatusCode.Conflict));
        var grant = Assert.Single(await Bot.GrantsOnAsync("DEMO04"));
        Assert.Equal(1742m, grant.Total("USD"));
        Assert.Equal((ActorKind.Supervisor, "ada", _approval), (grant.GrantedBy.Kind, grant.Approval!.RequestedBy.Id, grant.Approval.ApprovalId));
        Assert.StartsWith("Sam Supervisor", grant.GrantedBy.Name, StringComparison.Ordinal);
        Assert.True(grant.Approval.RequestedUtc <= grant.Approval.ApprovedUtc);
        Assert.Equal(grant.Reference, (await Bot.Approvals.FindAsync(_approval, CancellationToken.None))!.GrantReference);
        Assert.Single(await _customer.BotTextsAsync(before), t => t.StartsWith("Ada Agent from our care team granted you $1,680.00, $12.00, $50.00", StringComparison.Ordinal));

        var replay = await DecideAsync(sessions[0], "Approve");
        Assert.Equal(HttpStatusCode.Conflict, replay.StatusCode);
        Assert.Contains("already approved or declined", WebUtility.HtmlDecode(await replay.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Single(await Bot.GrantsOnAsync("DEMO04"));
    }

    [Fact]
    public async Task NobodyApprovesTheirOwnRequest_ASupervisorWhoAskedAsTheAgent_IsRefused()
    {
        var ada = await SupervisorSession.SignInAsync(Bot.Host, "Ada Agent", objectId: "ada");
        var sameName = await SupervisorSession.SignInAsync(Bot.Host, "ada agent");

        var byAccount = await DecideAsync(ada, "Approve");
        var byName = await DecideAsync(sameName, "Approve");

        Assert.Equal((HttpStatusCode.Conflict, HttpStatusCode.Conflict), (byAccount.StatusCode, byName.StatusCode));
        Assert.Contains("nobody approves their own request", WebUtility.HtmlDecode(await byAccount.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Empty(await Bot.GrantsOnAsync("DEMO04"));
        Assert.Equal(ApprovalStatus.Pending, (await Bot.Approvals.FindAsync(_approval, CancellationToken.None))!.Status);
    }

    [Fact]
    public async Task OnlySupervisorsApprove_WithThePagesAntiforgeryToken()
    {
        var agent = await SupervisorSession.SignInAsync(Bot.Host, "Bob Agent", role: "agent", objectId: "bob");
        var anonymous = SupervisorSession.Anonymous(Bot.Host);
        var supervisor = await SupervisorSession.SignInAsync(Bot.Host, "Sam Supervisor", objectId: "sam");
        var form = new Dictionary<string, string> { ["id"] = _approval };

        var asAgent = await agent.PostAsync("/supervisors/approvals?handler=Approve", new FormUrlEncodedContent(form));
        var asAnonymous = await anonymous.PostAsync("/supervisors/approvals?handler=Approve", new FormUrlEncodedContent(form));
        var withoutToken = await supervisor.PostAsync("/supervisors/approvals?handler=Approve", new FormUrlEncodedContent(form));

        Assert.Equal(HttpStatusCode.Forbidden, (await agent.GetAsync("/supervisors/approvals")).StatusCode);
        Assert.True(asAgent.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.BadRequest, asAgent.StatusCode.ToString());
        Assert.True(asAnonymous.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Redirect or HttpStatusCode.BadRequest, asAnonymous.StatusCode.ToString());
        Assert.Equal(HttpStatusCode.BadRequest, withoutToken.StatusCode);
        Assert.Empty(await Bot.GrantsOnAsync("DEMO04"));
        Assert.Equal(ApprovalStatus.Pending, (await Bot.Approvals.FindAsync(_approval, CancellationToken.None))!.Status);
    }

    [Fact]
    public async Task ADeclinedRequest_GrantsNothing_AndCannotBeApprovedAfterwards()
    {
        var sam = await SupervisorSession.SignInAsync(Bot.Host, "Sam Supervisor", objectId: "sam");
        var kim = await SupervisorSession.SignInAsync(Bot.Host, "Kim Supervisor", objectId: "kim");

        var declined = await DecideAsync(sam, "Decline");
        var approved = await DecideAsync(kim, "Approve");
        var unknown = await DecideAsync(kim, "Approve", approval: "A-NOSUCH");

        Assert.Equal(HttpStatusCode.OK, declined.StatusCode);
        Assert.Equal((HttpStatusCode.Conflict, HttpStatusCode.Conflict), (approved.StatusCode, unknown.StatusCode));
        Assert.Empty(await Bot.GrantsOnAsync("DEMO04"));
        var request = (await Bot.Approvals.FindAsync(_approval, CancellationToken.None))!;
        Assert.Equal((ApprovalStatus.Declined, "sam"), (request.Status, request.DecidedBy!.Id));
        Assert.Contains(Bot.Teams.Channel.Calls, c => c.Path == $"/v3/conversations/{_thread}/activities" && c.Body?["text"]?.GetValue<string>() == $"Approval {_approval} for case {request.CaseReference}: declined; nothing was granted by Sam Supervisor.");
    }
}

/// <summary>The same attacks on a bot whose ledger, approvals and state are in PostgreSQL.</summary>
public sealed class ApprovalsOnPostgreSqlTests : ApprovalsTests
{
    protected override Task<AttackedBot> StartBotAsync() => AttackedBot.StartOnPostgreSqlAsync();
}

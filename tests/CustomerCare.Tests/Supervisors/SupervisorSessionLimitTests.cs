using System.Net;
using CustomerCare.Tests.Support;

namespace CustomerCare.Tests.Supervisors;

/// <summary>A supervisors' session ends 12 hours after its sign-in, however often it was used (and its cookie renewed) on the way.</summary>
public sealed class SupervisorSessionLimitTests
{
    [Fact]
    public async Task AnActiveSession_EndsTwelveHoursAfterSignIn_ThoughEachRenewalMovedItsCookieOn()
    {
        await using var host = new BotHost();
        var supervisor = await SupervisorSession.SignInAsync(host);
        var renewals = 0;
        foreach (var hours in new[] { 3, 3, 3, 2.5 })
        {
            host.Clock.Advance(TimeSpan.FromHours(hours));
            var page = await supervisor.GetAsync("/supervisors");
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            renewals += page.Headers.Contains("Set-Cookie") ? 1 : 0;
        }
        Assert.True(renewals > 0, "the sliding cookie was never renewed, so the test would prove nothing");

        host.Clock.Advance(TimeSpan.FromMinutes(31));
        Assert.Equal(HttpStatusCode.Unauthorized, (await supervisor.GetAsync("/supervisors/payouts.csv")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await supervisor.GetAsync("/supervisors/conversations.jsonl")).StatusCode);

        var again = await SupervisorSession.SignInAsync(host);
        Assert.Equal(HttpStatusCode.OK, (await again.GetAsync("/supervisors/payouts.csv")).StatusCode);
    }
}

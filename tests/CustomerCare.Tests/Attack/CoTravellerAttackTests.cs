using CustomerCare.Ledger;
using CustomerCare.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerCare.Tests.Attack;

/// <summary>
/// DEMO08's four travellers, claimed for through Direct Line every way a family (or one of them) could try to be paid
/// twice: passenger by passenger, under another passenger's name, for everyone from two conversations at once.
/// </summary>
public sealed class CoTravellerAttackTests
{
    private const string Report = "My flight was delayed, booking DEMO08";

    private static async Task<DirectLineClient> ClaimingAsAsync(HttpClient http, string firstName, string forWhom, string locale = "en-US")
    {
        var customer = await new DirectLineClient(http).StartAsync(locale);
        await customer.PostMessageAsync(Report);
        await customer.PostMessageAsync("Sommer");
        await customer.PostMessageAsync(firstName);
        await customer.PostMessageAsync(forWhom);
        return customer;
    }

    private static async Task<IReadOnlyList<LedgerEntry>> GrantsAsync(BotHost host)
        => await host.Services.GetRequiredService<ICompensationLedger>().ForBookingAsync("DEMO08", CancellationToken.None);

    [Fact]
    public async Task EveryoneFromTwoConversationsAtTheSameMoment_PaysEachPassengerOnce()
    {
        for (var round = 0; round < 3; round++)
        {
            await using var host = new BotHost();
            var http = host.CreateClient();
            var anna = await ClaimingAsAsync(http, "Anna", "everyone");
            var ben = await ClaimingAsAsync(http, "Ben", "all of us");

            await Task.WhenAll(anna.PostMessageAsync("yes"), ben.PostMessageAsync("yes"));

            var grants = await GrantsAsync(host);
            Assert.Equal(["DEMO08-1", "DEMO08-2", "DEMO08-3"], grants.Select(e => e.Subject.PassengerId).Order().ToArray());
        }
    }

    [Fact]
    public async Task PassengerByPassenger_ThenUnderAnotherPassengersName_NobodyIsPaidTwice()
    {
        await using var host = new BotHost();
        var http = host.CreateClient();
        foreach (var (claimant, forWhom) in new[] { ("Anna", "me"), ("Ben", "Anna"), ("Mia", "Anna and Ben"), ("Ben", "Mia"), ("Anna", "everyone") })
        {
            var customer = await ClaimingAsAsync(http, claimant, forWhom);
            var watermark = (await customer.GetActivitiesAsync()).Watermark;
            await customer.PostMessageAsync("yes");
            Assert.NotEmpty(await customer.BotTextsAsync(watermark));
        }

        var grants = await GrantsAsync(host);
        Assert.Equal(["DEMO08-1", "DEMO08-2", "DEMO08-3"], grants.Select(e => e.Subject.PassengerId).Order().ToArray());
        Assert.Equal(250m * 3, grants.SelectMany(e => e.Remedies).Where(r => r.Kind == CustomerCare.Remedies.RemedyKind.Compensation).Sum(r => r.Amount));
    }

    [Fact]
    public async Task ATravellerOnAnotherBooking_CannotBeClaimedFromThisOne()
    {
        await using var host = new BotHost();
        var customer = await ClaimingAsAsync(host.CreateClient(), "Anna", "Alex Sample and Robin Testfall");
        var watermark = (await customer.GetActivitiesAsync()).Watermark;
        await customer.PostMessageAsync("Alex Sample");
        await customer.PostMessageAsync("Robin");

        Assert.Contains(await customer.BotTextsAsync(watermark), t => t.Contains("a person", StringComparison.Ordinal));
        Assert.Empty(await GrantsAsync(host));
        Assert.DoesNotContain(await host.Services.GetRequiredService<ICompensationLedger>().ForBookingAsync("DEMO01", CancellationToken.None), e => e.Subject.ClaimedBy is not null);
    }

    [Fact]
    public async Task AnAnswerThatLeavesSomeoneOut_ThenYes_GrantsNobody()
    {
        await using var host = new BotHost();
        var customer = await ClaimingAsAsync(host.CreateClient(), "Anna", "everyone except Ben");
        var watermark = (await customer.GetActivitiesAsync()).Watermark;
        await customer.PostMessageAsync("yes");

        Assert.Contains(await customer.BotTextsAsync(watermark), t => t.Contains("Please say \"everyone\"", StringComparison.Ordinal));
        Assert.Empty(await GrantsAsync(host));
    }

    [Fact]
    public async Task AFreeTicket_ClaimedForByItsTraveller_OrByAnother_IsNeverPaid()
    {
        await using var host = new BotHost();
        var http = host.CreateClient();
        var leo = await ClaimingAsAsync(http, "Leo", "only me");
        await leo.PostMessageAsync("yes");
        var anna = await ClaimingAsAsync(http, "Anna", "Leo");
        await anna.PostMessageAsync("yes");

        Assert.DoesNotContain(await GrantsAsync(host), e => e.Subject.PassengerId == "DEMO08-4");
    }
}

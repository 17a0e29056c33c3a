using System.Net;
using CustomerCare.Cases;
using CustomerCare.Ledger;
using CustomerCare.Remedies;
using CustomerCare.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerCare.Tests.Attack;

/// <summary>
/// Bags, downgrades and a rebooked connection, claimed through Direct Line every way one could try to be paid twice or
/// to reach what is not theirs: two conversations at the same moment, the same journey reported on another flight or
/// as another kind, another booking's bag report, and answers far too long.
/// </summary>
public sealed class BagAndDowngradeAttackTests
{
    private static async Task<DirectLineClient> SayingAsync(HttpClient http, params string[] messages)
    {
        var customer = await new DirectLineClient(http).StartAsync();
        foreach (var message in messages)
        {
            await customer.PostMessageAsync(message);
        }
        return customer;
    }

    private static async Task<IReadOnlyList<LedgerEntry>> GrantsAsync(BotHost host, string booking)
        => await host.Services.GetRequiredService<ICompensationLedger>().ForBookingAsync(booking, CancellationToken.None);

    private static async Task<IReadOnlyList<CaseFile>> CasesAsync(BotHost host)
        => await host.Services.GetRequiredService<ICaseStore>().ListOpenAsync(CancellationToken.None);

    [Fact]
    public async Task AnotherBookingsBagReport_CannotBeClaimedFromThisOne()
    {
        await using var host = new BotHost();
        var customer = await SayingAsync(host.CreateClient(), "My suitcase did not arrive, booking DEMO10", "Koffer", "LISCC11002", "LIS CC 11002");
        var watermark = (await customer.GetActivitiesAsync()).Watermark;
        await customer.PostMessageAsync("LISCC11002");

        Assert.Contains(await customer.BotTextsAsync(watermark), t => t.Contains("I can't find a bag report LISCC11002 for booking DEMO10", StringComparison.Ordinal));
        Assert.Empty(await GrantsAsync(host, "DEMO10"));
        Assert.Empty(await GrantsAsync(host, "DEMO11"));
        var opened = Assert.Single(await CasesAsync(host));
        Assert.Equal((CaseReason.FactsDisputed, "DEMO10", null), (opened.Reason, opened.BookingReference, opened.BagFileReference));
    }

    [Fact]
    public async Task TheSameDelayedBag_FromTwoConversationsAtTheSameMoment_IsPaidOnce_AndAThirdClaimIsToldItWasGranted()
    {
        for (var round = 0; round < 3; round++)
        {
            await using var host = new BotHost();
            var http = host.CreateClient();
            var first = await SayingAsync(http, "My suitcase did not arrive, booking DEMO10", "Koffer", "MADCC10001");
            var second = await SayingAsync(http, "Mein Koffer ist nicht angekommen, Buchung DEMO10", "Koffer", "madcc10001");

            await Task.WhenAll(first.PostMessageAsync("yes"), second.PostMessageAsync("ja"));

            var grant = Assert.Single(await GrantsAsync(host, "DEMO10"));
            Assert.Equal(150m, grant.Remedies.Single(r => r.Kind == RemedyKind.InterimExpenses).Amount);
            var third = await SayingAsync(http, "My bag was delayed, booking DEMO10", "Koffer", "MADCC10001");
            Assert.Contains(await third.BotTextsAsync(), t => t.Contains(grant.Reference, StringComparison.Ordinal));
            Assert.Single(await GrantsAsync(host, "DEMO10"));
        }
    }

    [Fact]
    public async Task AFileReferenceInASentence_AmongWordsOfTheSameShape_AndAnotherBookingsReference_IsFound()
    {
        await using var host = new BotHost();
        var customer = await SayingAsync(host.CreateClient(), "My suitcase did not arrive, booking DEMO10", "Koffer", "bag no 12345 and LISCC11002, my file is mad cc 10001");

        Assert.Contains(await customer.BotTextsAsync(), t => t.Contains("report MADCC10001 for bag 0999100101", StringComparison.Ordinal));
        await customer.PostMessageAsync("yes");
        Assert.Equal("DEMO10-1", Assert.Single(await GrantsAsync(host, "DEMO10")).Subject.PassengerId);
    }

    [Fact]
    public async Task ACompensatedJourney_ReportedAgainAsAKindTheRecordsDoNotShow_IsToldItWasGranted_AndTroublesNoPerson()
    {
        await using var host = new BotHost();
        var http = host.CreateClient();
        await SayingAsync(http, "I missed my connection, booking DEMO09", "Umweg", "yes");
        var again = await SayingAsync(http, "My flight CC402 was cancelled, booking DEMO09", "Umweg");

        var grant = Assert.Single(await GrantsAsync(host, "DEMO09"));
        Assert.Contains(await again.BotTextsAsync(), t => t.Contains(grant.Reference, StringComparison.Ordinal) && t.Contains("compensated only once", StringComparison.Ordinal));
        Assert.Empty(await CasesAsync(host));
    }

    [Fact]
    public async Task TheSameDowngrade_FromTwoConversationsAtTheSameMoment_IsPaidOnce()
    {
        await using var host = new BotHost();
        var http = host.CreateClient();
        var first = await SayingAsync(http, "I was downgraded from business to economy, booking DEMO13", "Platz");
        var second = await SayingAsync(http, "Ich wurde herabgestuft, Buchung DEMO13", "Platz");

        await Task.WhenAll(first.PostMessageAsync("yes"), second.PostMessageAsync("ja"));
        await SayingAsync(http, "they downgraded me on CC272, booking DEMO13", "Platz", "yes");

        var grant = Assert.Single(await GrantsAsync(host, "DEMO13"));
        Assert.Equal(240m, grant.Remedies.Single(r => r.Kind == RemedyKind.DowngradeRefund).Amount);
    }

    [Fact]
    public async Task ARebookedConnection_ClaimedOnEitherFlight_AsADelayOrAMissedConnection_IsPaidOnce()
    {
        await using var host = new BotHost();
        var http = host.CreateClient();
        await SayingAsync(http, "My flight CC104 was delayed, booking DEMO09", "Umweg", "yes");
        var again = await SayingAsync(http, "I missed my connection CC402, booking DEMO09", "Umweg");
        await again.PostMessageAsync("yes");

        var grant = Assert.Single(await GrantsAsync(host, "DEMO09"));
        Assert.Equal(600m, grant.Remedies.Single(r => r.Kind == RemedyKind.Compensation).Amount);
        Assert.Contains(await again.BotTextsAsync(), t => t.Contains(grant.Reference, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ADamagedBagsDescriptionAndPhoto_UploadedThroughDirectLine_ReachThePersonsCase_AndNothingIsGranted()
    {
        await using var host = new BotHost();
        var http = host.CreateClient();
        var customer = await SayingAsync(http, "My bag was damaged, booking DEMO12", "Schaden", "VIECC12003", "The handle is broken. " + new string('x', 5_000));
        Assert.Equal(HttpStatusCode.OK, await customer.UploadAsync("handle.jpg", "\xFF\xD8\xFF\xE0 a photo"u8.ToArray()));

        Assert.Contains(await customer.BotTextsAsync(), t => t.Contains("within the 7 days the Montreal Convention allows", StringComparison.Ordinal));
        var opened = Assert.Single(await CasesAsync(host));
        Assert.Equal((CaseReason.PolicyNeedsPerson, "VIECC12003", "DEMO12-1"), (opened.Reason, opened.BagFileReference, opened.PassengerId));
        Assert.Contains("Customer's words: The handle is broken.", opened.Summary, StringComparison.Ordinal);
        Assert.Contains("Photo: ", opened.Summary, StringComparison.Ordinal);
        Assert.Contains("/v3/directline/attachments/", opened.Summary!.Split("Photo: ")[1], StringComparison.Ordinal);
        Assert.InRange(opened.Summary!.Length, 100, 2_200);
        Assert.Empty(await GrantsAsync(host, "DEMO12"));
    }
}

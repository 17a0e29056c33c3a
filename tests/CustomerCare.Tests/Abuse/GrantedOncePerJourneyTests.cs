using CustomerCare.Operations;
using CustomerCare.Remedies;
using CustomerCare.Tests.Support;

namespace CustomerCare.Tests.Abuse;

/// <summary>
/// Guarantee: statutory compensation (and every other entitlement) is granted at most once per passenger and journey,
/// whatever kind the customer reports, whichever flight of the journey they name, in either language, from any channel,
/// under any booking the passenger is on, and whatever form an older data file keeps its grants in.
/// </summary>
public class GrantedOncePerJourneyTests : AttackTests
{
    private async Task<string> GrantDemo01Async()
    {
        var (_, said) = await Bot.CustomerSaysAsync("en-US", "My flight CC400 was delayed, booking DEMO01", "Sample", "yes");
        Assert.Contains("Your reference is G-", said, StringComparison.Ordinal);
        return Assert.Single(await Bot.GrantsOnAsync("DEMO01")).Reference;
    }

    [Theory]
    [InlineData("en-US", "I missed my connection, booking DEMO01", "Sample")]
    [InlineData("en-US", "My flight CC400 was cancelled, booking DEMO01", "Sample")]
    [InlineData("en-US", "I was denied boarding on CC400, booking DEMO01", "Sample")]
    [InlineData("en-US", "my suitcase on CC400 was delayed, booking DEMO01", "Sample")]
    [InlineData("en-US", "My flight was delayed, booking DEMO01", "SAMPLE")]
    [InlineData("de-DE", "Ich habe meinen Anschlussflug verpasst, Buchung DEMO01", "Sample")]
    [InlineData("de-DE", "Mein Flug wurde annulliert, Buchung DEMO01", "Sample")]
    [InlineData("de-DE", "Mein Flug CC400 hatte Verspätung, Buchung DEMO01", "Sample")]
    public async Task GrantedOnce_TheSameJourneyUnderAnyKindOrLanguage_IsNeverPaidAgain(string locale, string report, string lastName)
    {
        var first = await GrantDemo01Async();

        var (_, said) = await Bot.CustomerSaysAsync(locale, report, lastName, locale == "de-DE" ? "ja" : "yes");

        Assert.DoesNotContain("G-", said.Replace(first, string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Equal(first, Assert.Single(await Bot.GrantsOnAsync("DEMO01")).Reference);
    }

    /// <summary>A bag is a disruption of its own: its claim is not answered, nor counted, with what the flight's grant brought.</summary>
    [Fact]
    public async Task GrantedOnce_ABagAfterItsFlightWasPaid_IsAssessedOnItsOwn()
    {
        var flight = await GrantDemo01Async();

        var (_, said) = await Bot.CustomerSaysAsync("en-US", "my suitcase on CC400 was delayed, booking DEMO01", "Sample", "yes");

        Assert.DoesNotContain(flight, said, StringComparison.Ordinal);
        Assert.DoesNotContain("already granted", said, StringComparison.Ordinal);
        Assert.Equal(flight, Assert.Single(await Bot.GrantsOnAsync("DEMO01")).Reference);
    }

    [Fact]
    public async Task GrantedOnce_TheOtherFlightOfAConnection_IsTheSameJourney()
    {
        var (_, granted) = await Bot.CustomerSaysAsync("en-US", "My flight CC400 was delayed, booking DEMO06", "Testfall", "Robin", "me", "yes");
        var entry = Assert.Single(await Bot.GrantsOnAsync("DEMO06"));

        var (_, again) = await Bot.CustomerSaysAsync("en-US", "My flight CC220 was delayed, booking DEMO06", "Testfall", "Robin", "me", "yes");

        Assert.Contains("Your reference is " + entry.Reference, granted, StringComparison.Ordinal);
        Assert.Contains("already granted €661.50", again, StringComparison.Ordinal);
        Assert.Contains(entry.Reference, again, StringComparison.Ordinal);
        Assert.Single(await Bot.GrantsOnAsync("DEMO06"));
    }

    [Fact]
    public async Task GrantedOnce_FromTwoChannelsAndTwoLanguagesAtOnce_GrantsExactlyOnce()
    {
        await using var channel = await FakeChannel.StartAsync();
        var english = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Ready("en-US", "My flight CC400 was delayed, booking DEMO01")));
        var german = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Ready("de-DE", "Mein Flug CC400 hatte Verspätung, Buchung DEMO01")));
        var http = Bot.Http;
        async Task<HttpResponseMessage> Emulator(int i, string text, int turn)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = System.Net.Http.Json.JsonContent.Create(new
            {
                type = "message", id = $"e{i}-{turn}", text, channelId = "emulator", serviceUrl = channel.ServiceUrl, locale = "en-US",
                from = new { id = "user" + i }, recipient = new { id = "bot" }, conversation = new { id = "emulator-" + i },
            }) };
            request.Headers.Authorization = new("Bearer", Bot.Teams.Authority.Token(TeamsAgents.AppId, channel.ServiceUrl));
            var response = await http.SendAsync(request);
            response.EnsureSuccessStatusCode();
            return response;
        }
        for (var i = 0; i < 8; i++)
        {
            await Emulator(i, "My flight CC400 was delayed, booking DEMO01", 1);
            await Emulator(i, "Sample", 2);
        }

        await Task.WhenAll(english.Select(c => c.PostMessageAsync("yes")).Concat(german.Select(c => c.PostMessageAsync("ja")))
            .Concat(Enumerable.Range(0, 8).Select(i => (Task)Emulator(i, "yes", 3))));

        Assert.Single(await Bot.GrantsOnAsync("DEMO01"));
        Assert.Equal(23, await Bot.Ledger.RefusedSecondGrantsAsync(CancellationToken.None));
    }

    private async Task<DirectLineClient> Ready(string locale, string report)
    {
        var (customer, _) = await Bot.CustomerSaysAsync(locale, report, "Sample");
        return customer;
    }

    [Fact]
    public async Task GrantedOnce_ThePassengerRebookedIntoANewRecordLocator_IsOnePassenger()
    {
        var first = await GrantDemo01Async();
        var rebooked = new Booking("REBK01", [new Passenger("REBK01-1", "alex", "SAMPLE", LoyaltyTier.Gold)],
            [new Segment("CC400", "FRA", "JFK", new DateTime(2026, 11, 18, 10, 0, 0, DateTimeKind.Utc), new DateTime(2026, 11, 18, 18, 30, 0, DateTimeKind.Utc), 640, "EUR")]);
        await Bot.Operations.SaveAsync([rebooked], []);

        var (_, said) = await Bot.CustomerSaysAsync("en-US", "My flight CC400 was delayed, booking REBK01", "Sample", "yes");

        Assert.Contains("already granted €649.00", said, StringComparison.Ordinal);
        Assert.Contains(first, said, StringComparison.Ordinal);
        Assert.Empty(await Bot.GrantsOnAsync("REBK01"));
    }

    [Fact]
    public async Task GrantedOnce_TheSameTicketUnderAnotherName_IsOnePassenger_ButAnotherTicketUnderTheSameNameIsNot()
    {
        var departure = new DateTime(2026, 11, 18, 10, 0, 0, DateTimeKind.Utc);
        Segment Flight() => new("CC400", "FRA", "JFK", departure, departure.AddHours(8.5), 640, "EUR");
        await Bot.Operations.SaveAsync(
        [
            new Booking("TKT001", [new Passenger("TKT001-1", "Samuel", "Ticket", LoyaltyTier.Basic, TicketNumber: "220-1111111111")], [Flight()]),
            new Booking("TKT002", [new Passenger("TKT002-1", "Sam", "Ticket-Holder", LoyaltyTier.Basic, TicketNumber: "2201111111111")], [Flight()]),
            new Booking("TKT003", [new Passenger("TKT003-1", "Samuel", "Ticket", LoyaltyTier.Basic, TicketNumber: "220-2222222222")], [Flight()]),
        ], []);

        var (_, first) = await Bot.CustomerSaysAsync("en-US", "My flight CC400 was delayed, booking TKT001", "Ticket", "yes");
        var (_, sameTicket) = await Bot.CustomerSaysAsync("en-US", "My flight CC400 was delayed, booking TKT002", "Ticket-Holder", "yes");
        var (_, otherTicket) = await Bot.CustomerSaysAsync("en-US", "My flight CC400 was delayed, booking TKT003", "Ticket", "yes");

        Assert.Contains("Your reference is G-", first, StringComparison.Ordinal);
        Assert.Contains("already granted", sameTicket, StringComparison.Ordinal);
        Assert.Empty(await Bot.GrantsOnAsync("TKT002"));
        Assert.Contains("Your reference is G-", otherTicket, StringComparison.Ordinal);
        Assert.Single(await Bot.GrantsOnAsync("TKT003"));
    }

    [Fact]
    public async Task GrantedOnce_AGrantKeptInAnOlderDataFile_StillHoldsTheJourney()
    {
        await Bot.DisposeAsync();
        var path = BotHost.TempDataPath();
        OlderDataFile.Write(path);
        Bot = await AttackedBot.StartAsync(path);

        var (_, said) = await Bot.CustomerSaysAsync("en-US", "My flight CC400 was delayed, booking DEMO01", "Sample", "yes");

        Assert.Contains("already granted €600.00", said, StringComparison.Ordinal);
        Assert.Contains(OlderDataFile.Reference, said, StringComparison.Ordinal);
        Assert.Equal(OlderDataFile.Reference, Assert.Single(await Bot.GrantsOnAsync("DEMO01")).Reference);
    }
}

/// <summary>The same attacks on a bot whose ledger, approvals and state are in PostgreSQL.</summary>
public sealed class GrantedOncePerJourneyOnPostgreSqlTests : GrantedOncePerJourneyTests
{
    protected override Task<AttackedBot> StartBotAsync() => AttackedBot.StartOnPostgreSqlAsync();
}

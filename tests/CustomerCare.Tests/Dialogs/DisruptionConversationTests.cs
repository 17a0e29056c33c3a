using CustomerCare.Cases;
using CustomerCare.Tests.Support;

namespace CustomerCare.Tests.Dialogs;

/// <summary>The demo cases end to end: identify, check the operations data and the ledger, explain, confirm, grant.</summary>
public sealed class DisruptionConversationTests
{
    [Fact]
    public async Task Demo01_LongHaulDelay_IsGrantedOnce_AndAskingAgainIsToldWhatWasGranted()
    {
        using var conversation = new TestConversation();

        await TestFlow.For(conversation)
            .Send("Report a disruption").AssertReplyContains("What happened?")
            .Send("Delay").AssertReplyContains("booking reference")
            .Send("demo01").AssertReplyContains("last name")
            .Send("Sample").AssertReplyContains("CC400 from FRA to JFK on 11/18/2026 arrived 4 h 20 min late (cause: a technical fault)")
            .AssertReply(options =>
            {
                Assert.Contains("EU261 (policy 2025.01)", options.Text!, StringComparison.Ordinal);
                Assert.Contains("€600.00 compensation", options.Text!, StringComparison.Ordinal);
                Assert.Contains("EU261 Art. 7(1)(c)", options.Text!, StringComparison.Ordinal);
                Assert.Contains("€24.00 for meals", options.Text!, StringComparison.Ordinal);
                Assert.Contains("€25.00 as a goodwill gesture", options.Text!, StringComparison.Ordinal);
            })
            .AssertReplyContains("€649.00 in total")
            .Send("yes").AssertReplyContains("Your reference is G-")
            .RunAsync();

        var entry = Assert.Single(await conversation.Ledger.ForBookingAsync("DEMO01", CancellationToken.None));
        Assert.Equal(649m, entry.Total("EUR"));

        await TestFlow.For(conversation)
            .AssertReplyContains("anything else")
            .Send("my flight CC400 was delayed, booking DEMO01").AssertReplyContains("last name")
            .Send("sample").AssertReplyContains("arrived 4 h 20 min late")
            .AssertReply(reply => Assert.Contains($"already granted €649.00 on 11/23/2026 via test (reference {entry.Reference})", reply.Text!, StringComparison.Ordinal))
            .RunAsync();
        Assert.Single(await conversation.Ledger.ForBookingAsync("DEMO01", CancellationToken.None));
    }

    [Fact]
    public async Task Demo02_CancellationReRoutedClose_IsHalved_InGerman_WithGoldGoodwill()
    {
        using var conversation = new TestConversation("de-DE");

        await TestFlow.For(conversation)
            .Send("Mein Flug wurde annulliert, Buchung DEMO02").AssertReplyContains("Nachname")
            .Send("Beispiel").AssertReplyContains("wurde CC1410 von FRA nach ATH am 19.11.2026 annulliert; Sie wurden 3 Tage vor Abflug informiert")
            .AssertReply(options =>
            {
                Assert.Contains("200,00 € Entschädigung – der halbe Betrag", options.Text!, StringComparison.Ordinal);
                Assert.Contains("37,50 € als Kulanz für Ihren Gold-Status", options.Text!, StringComparison.Ordinal);
            })
            .AssertReplyContains("189,00 € erstattet")
            .AssertReplyContains("insgesamt 237,50 €")
            .Send("ja").AssertReplyContains("Ihre Referenz ist G-")
            .RunAsync();
    }

    [Fact]
    public async Task Demo03_WeatherDelay_GivesCareButNoCash()
    {
        using var conversation = new TestConversation();

        await TestFlow.For(conversation)
            .Send("my flight was delayed, booking DEMO03").AssertReply(_ => { })
            .Send("Muster").AssertReplyContains("(cause: weather)")
            .AssertReply(options =>
            {
                Assert.Contains("€24.00 for meals", options.Text!, StringComparison.Ordinal);
                Assert.DoesNotContain("compensation", options.Text!, StringComparison.Ordinal);
                Assert.DoesNotContain("goodwill", options.Text!, StringComparison.Ordinal);
            })
            .RunAsync();
    }

    [Fact]
    public async Task Demo04_UsDeniedBoardingAboveTheAutomaticLimit_GoesToAPerson_WithNothingGranted()
    {
        using var conversation = new TestConversation("de-DE");

        await TestFlow.For(conversation)
            .Send("Störung melden").AssertReplyContains("Was ist passiert?")
            .Send("Nichtbeförderung").AssertReplyContains("Buchungscode")
            .Send("DEMO04").AssertReplyContains("Nachname")
            .Send("Example").AssertReplyContains("überbucht")
            .AssertReplyContains("1.680,00 $ Entschädigung – 400 %")
            .AssertReplyContains("Freigabe durch einen Menschen")
            .AssertReplyContains("Fall CC-")
            .RunAsync();

        Assert.Equal(CaseReason.PolicyNeedsPerson, Assert.Single(await conversation.Cases.ListOpenAsync(CancellationToken.None)).Reason);
        Assert.Empty(await conversation.Ledger.ForBookingAsync("DEMO04", CancellationToken.None));
    }

    [Fact]
    public async Task Demo06_ConnectionToNewYork_IsOneJourney_AssessedOnTheArrivalAtTheFinalDestination()
    {
        using var conversation = new TestConversation();

        // HAM→FRA→JFK on one booking: the first flight was on time, the second reached JFK 5 h 15 min late. The
        // journey is assessed on its arrival at JFK over the HAM–JFK distance, whichever flight the customer names.
        await TestFlow.For(conversation)
            .Send("my flight CC220 was delayed, booking DEMO06").AssertReply(_ => { })
            .Send("Testfall").AssertReplyContains("More than one traveller on booking DEMO06 is called Testfall")
            .Send("Robin").AssertReplyContains("Who is this claim for")
            .Send("me").AssertReplyContains("your journey CC220, CC400 from HAM to JFK on 11/17/2026 reached JFK 5 h 15 min late (cause, on CC400: a technical fault)")
            .AssertReplyContains("€600.00 compensation — you arrived 5.3 h late")
            .RunAsync();
    }

    [Fact]
    public async Task BookingWithAnOutboundAndAReturn_AsksWhichTrip()
    {
        using var conversation = new TestConversation();
        await conversation.Operations.SaveAsync([new CustomerCare.Operations.Booking("TRIP01",
            [new CustomerCare.Operations.Passenger("TRIP01-1", "Jo", "Roundtrip", CustomerCare.Remedies.LoyaltyTier.Basic)],
            [LedgerRequests.Flight("CC400", "FRA", "JFK", new DateTime(2026, 11, 18, 10, 0, 0, DateTimeKind.Utc)), LedgerRequests.Flight("CC401", "JFK", "FRA", new DateTime(2026, 11, 25, 20, 0, 0, DateTimeKind.Utc))])], []);

        await TestFlow.For(conversation)
            .Send("my flight was delayed, booking TRIP01").AssertReply(_ => { })
            .Send("Roundtrip").AssertReply(a => Assert.Equal(["CC400 FRA→JFK Nov 18", "CC401 JFK→FRA Nov 25"], a.SuggestedActions!.Actions!.Select(x => x.Title ?? string.Empty).ToArray()))
            .RunAsync();
    }

    [Fact]
    public async Task ReportThatOperationsDataContradicts_GoesToAPerson()
    {
        using var conversation = new TestConversation();

        await TestFlow.For(conversation)
            .Send("my flight was cancelled, booking DEMO05").AssertReply(_ => { })
            .Send("Probe").AssertReplyContains("doesn't match our operations data")
            .AssertReplyContains("case CC-")
            .RunAsync();

        Assert.Equal(CaseReason.FactsDisputed, Assert.Single(await conversation.Cases.ListOpenAsync(CancellationToken.None)).Reason);
    }

    [Theory]
    [InlineData("en-US", "I have a problem with my flight", "my seat was broken", "the food", "the crew", "What happened", "pick one", "passing your report to a person")]
    [InlineData("de-DE", "Ich habe ein Problem mit meinem Flug", "mein Sitzplatz", "die Crew", "das Wetter war schön", "Was ist passiert", "Möglichkeiten", "an einen Menschen weiter")]
    public async Task ADisruptionThatIsNoneOfTheChoices_GoesToAPersonAfterThreeTries_InsteadOfRoundInCircles(
        string locale, string report, string first, string second, string third, string asked, string retry, string handedOff)
    {
        using var conversation = new TestConversation(locale);

        await TestFlow.For(conversation)
            .Send(report).AssertReplyContains(asked)
            .Send(first).AssertReplyContains(retry)
            .Send(second).AssertReplyContains(retry)
            .Send(third).AssertReplyContains(handedOff)
            .AssertReplyContains("CC-")
            .RunAsync();

        Assert.Equal(CaseReason.RepeatedMisunderstanding, Assert.Single(await conversation.Cases.ListOpenAsync(CancellationToken.None)).Reason);
    }

    [Fact]
    public async Task WrongLastName_IsRetried_AndThreeFailuresGoToAPerson()
    {
        using var conversation = new TestConversation();

        await TestFlow.For(conversation)
            .Send("my flight was delayed, booking DEMO01").AssertReply(_ => { })
            .Send("Smith").AssertReplyContains("couldn't find booking DEMO01 with the last name Smith").AssertReplyContains("booking reference")
            .Send("ZZZ999").AssertReplyContains("last name")
            .Send("Sample").AssertReplyContains("couldn't find booking ZZZ999").AssertReplyContains("booking reference")
            .Send("DEMO01").AssertReplyContains("last name")
            .Send("Jones").AssertReplyContains("after three tries")
            .AssertReplyContains("case CC-")
            .RunAsync();

        Assert.Empty(await conversation.Ledger.ForBookingAsync("DEMO01", CancellationToken.None));
    }

    [Fact]
    public async Task GermanCustomers_HearTheCauseAndTheChannelInGerman()
    {
        using var conversation = new TestConversation("de-DE");

        await TestFlow.For(conversation)
            .Send("Mein Flug CC400 hatte Verspätung, Buchung DEMO01").AssertReplyContains("Nachname")
            .Send("Sample").AssertReplyContains("(Ursache: ein technischer Defekt)")
            .AssertReply(_ => { })
            .AssertReplyContains("insgesamt")
            .Send("ja").AssertReplyContains("Ihre Referenz ist G-").AssertReplyContains("sonst noch")
            .Send("Mein Flug CC400 hatte Verspätung, Buchung DEMO01").AssertReplyContains("Nachname")
            .Send("Sample").AssertReplyContains("Ursache: ein technischer Defekt")
            .AssertReplyContains("über test gewährt")
            .RunAsync();
    }
}

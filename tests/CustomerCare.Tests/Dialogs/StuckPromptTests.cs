using CustomerCare.Cases;
using CustomerCare.Tests.Support;

namespace CustomerCare.Tests.Dialogs;

/// <summary>A question the customer's answer does not fit never traps them: what fits is taken, a person is offered after two misses.</summary>
public sealed class StuckPromptTests
{
    [Theory]
    [InlineData("en-US", "I have a problem with my flight", "DEMO01", "Thanks, I have booking DEMO01. What happened on that trip?", "delayed", "last name", "4 h 20 min late")]
    [InlineData("de-DE", "Ich habe ein Problem mit meinem Flug", "demo01", "Danke, ich habe die Buchung DEMO01. Was ist auf dieser Reise passiert?", "Verspätung", "Nachname", "4 Std. 20 Min. Verspätung")]
    public async Task ABookingCodeTypedAtWhatHappened_IsKept_AndTheConversationMovesOn(string locale, string opening, string code, string askedAgain, string kind, string next, string facts)
    {
        using var conversation = new TestConversation(locale);
        var first = await conversation.SayAsync(opening);
        Assert.DoesNotContain("DEMO01", first, StringComparison.Ordinal);

        Assert.Contains(askedAgain, await conversation.SayAsync(code), StringComparison.Ordinal);
        var asked = await conversation.SayAsync(kind);
        Assert.Contains(next, asked, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(facts, await conversation.SayAsync("Sample"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task FreeTextThatDescribesTheKind_IsAnAnswerToWhatHappened()
    {
        using var conversation = new TestConversation();
        await conversation.SayAsync("I have a problem with my flight");
        Assert.Contains("booking reference", await conversation.SayAsync("it landed about four hours late"), StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("en-US", "I was downgraded from business to economy, booking DEMO01", "Sample", "show no downgrade")]
    [InlineData("de-DE", "Ich wurde von Business in Economy herabgestuft, Buchung DEMO01", "Sample", "keine Herabstufung")]
    public async Task ADowngradeTheCabinRecordsDoNotShow_GoesToAPersonWithTheBookingAndPassenger_InsteadOfRoundInCircles(string locale, string message, string lastName, string said)
    {
        using var conversation = new TestConversation(locale);
        await conversation.SayAsync(message);
        var reply = await conversation.SayAsync(lastName);
        Assert.Contains(said, reply, StringComparison.Ordinal);
        var opened = Assert.Single(await conversation.Cases.ListOpenAsync(CancellationToken.None));
        Assert.Equal((CaseReason.FactsDisputed, "DEMO01", "DEMO01-1", "CC400"), (opened.Reason, opened.BookingReference, opened.PassengerId, opened.FlightNumber));
        Assert.Empty(await conversation.Ledger.ForBookingAsync("DEMO01", CancellationToken.None));
    }

    [Fact]
    public async Task ADowngradeSaidAtWhatHappened_IsCheckedAgainstTheCabinRecords()
    {
        using var conversation = new TestConversation();
        await conversation.SayAsync("I have a problem with my flight");
        Assert.Contains("booking reference", await conversation.SayAsync("they downgraded me"), StringComparison.OrdinalIgnoreCase);
        await conversation.SayAsync("DEMO13");
        Assert.Contains("you flew Economy although you booked Business", await conversation.SayAsync("Platz"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AfterTwoMisses_TheQuestionComesAgainWithItsChoices_AndAPersonOffered_WhoTakesOverOnAClick()
    {
        using var conversation = new TestConversation();
        await conversation.SayAsync("I have a problem with my flight");

        await conversation.SendAsync("hmm");
        var once = conversation.NextReply();
        Assert.DoesNotContain("Talk to a person", once.SuggestedActions!.Actions!.Select(a => a.Title));

        await conversation.SendAsync("purple");
        var twice = conversation.NextReply();
        Assert.Contains("put you in touch with a person", twice.Text, StringComparison.Ordinal);
        var buttons = twice.SuggestedActions!.Actions!.Select(a => a.Title).ToList();
        Assert.Contains("Delay", buttons);
        Assert.Equal("Talk to a person", buttons[^1]);

        var handedOver = await conversation.SayAsync("Talk to a person");
        Assert.Contains("CC-", handedOver, StringComparison.Ordinal);
        Assert.Equal(CaseReason.CustomerAskedForPerson, Assert.Single(await conversation.Cases.ListOpenAsync(CancellationToken.None)).Reason);
    }

    [Fact]
    public async Task AfterTwoMisses_AYesNoQuestionKeepsItsButtons_BesideThePerson()
    {
        using var conversation = new TestConversation();
        await conversation.SayAsync("My flight CC400 was delayed, booking DEMO01");
        await conversation.SayAsync("Sample");
        await conversation.SendAsync("banana");
        conversation.NextReply();
        await conversation.SendAsync("kiwi");
        var twice = conversation.NextReply();
        Assert.Equal(["Yes", "No", "Talk to a person"], twice.SuggestedActions!.Actions!.Select(a => a.Title ?? string.Empty).ToArray());
    }

    [Theory]
    [InlineData("en-US", "My suitcase did not arrive", "property irregularity report")]
    [InlineData("en-US", "My bag is lost", "property irregularity report")]
    [InlineData("de-DE", "Mein Koffer ist nicht angekommen", "Vorgangsnummer")]
    [InlineData("de-DE", "Mein Gepäck wurde beschädigt", "Vorgangsnummer")]
    public async Task ABagThatIsLateLostOrDamaged_AsksForItsReport_NeitherAStatusQuestionNorAFlightDelay_AndAReportNotOnTheBookingGoesToAPerson(string locale, string message, string said)
    {
        using var conversation = new TestConversation(locale);
        await conversation.SayAsync(message);
        await conversation.SayAsync("DEMO03");
        Assert.Contains(said, await conversation.SayAsync("Muster"), StringComparison.Ordinal);
        for (var i = 0; i < 3; i++)
        {
            Assert.Contains("LHRCC99999", await conversation.SayAsync("LHRCC99999"), StringComparison.Ordinal);
        }

        var opened = Assert.Single(await conversation.Cases.ListOpenAsync(CancellationToken.None));
        Assert.Equal((CaseReason.FactsDisputed, "baggage", "DEMO03-1"), (opened.Reason, opened.DisruptionKind, opened.PassengerId));
        Assert.Empty(await conversation.Ledger.ForBookingAsync("DEMO03", CancellationToken.None));
    }

    [Fact]
    public async Task TheBaggageChoice_AtWhatHappened_GoesToAPerson()
    {
        using var conversation = new TestConversation();
        await conversation.SayAsync("I have a problem with my flight");
        await conversation.SayAsync("Baggage problem");
        await conversation.SayAsync("DEMO03");
        Assert.Contains("property irregularity report", await conversation.SayAsync("Muster"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("LH4000")]
    [InlineData("CC3301")]
    [InlineData("180 min")]
    public async Task AFlightNumberOrADuration_AtWhatHappened_IsNotTakenForABookingCode(string answer)
    {
        using var conversation = new TestConversation();
        await conversation.SayAsync("I have a problem with my flight");
        var reply = await conversation.SayAsync(answer);
        Assert.DoesNotContain("I have booking", reply, StringComparison.Ordinal);
        Assert.Contains("pick one", reply, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en-US", "not cancelled, just very late", "pick one")]
    [InlineData("de-DE", "nicht annulliert, nur sehr verspätet", "Möglichkeiten")]
    public async Task ASentenceThatDeniesAKind_IsAskedAgain_NotTakenForThatKind(string locale, string answer, string retry)
    {
        using var conversation = new TestConversation(locale);
        await conversation.SayAsync(locale == "de-DE" ? "Ich habe ein Problem mit meinem Flug" : "I have a problem with my flight");
        Assert.Contains(retry, await conversation.SayAsync(answer), StringComparison.Ordinal);
        Assert.Contains(locale == "de-DE" ? "Buchungscode" : "booking reference", await conversation.SayAsync(locale == "de-DE" ? "Verspätung" : "Delay"), StringComparison.OrdinalIgnoreCase);
    }
}

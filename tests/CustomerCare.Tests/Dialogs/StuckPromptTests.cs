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
    [InlineData("en-US", "I was downgraded from business to economy")]
    [InlineData("de-DE", "Ich wurde von Business in Economy herabgestuft")]
    public async Task ADowngrade_GoesToAPerson_InsteadOfRoundInCircles(string locale, string message)
    {
        using var conversation = new TestConversation(locale);
        var reply = await conversation.SayAsync(message);
        Assert.Contains("Art. 10(2)", reply, StringComparison.Ordinal);
        var opened = Assert.Single(await conversation.Cases.ListOpenAsync(CancellationToken.None));
        Assert.Equal(CaseReason.PolicyNeedsPerson, opened.Reason);
    }

    [Fact]
    public async Task ADowngradeSaidAtWhatHappened_GoesToAPerson()
    {
        using var conversation = new TestConversation();
        await conversation.SayAsync("I have a problem with my flight");
        Assert.Contains("Art. 10(2)", await conversation.SayAsync("they downgraded me"), StringComparison.Ordinal);
        Assert.Single(await conversation.Cases.ListOpenAsync(CancellationToken.None));
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
    [InlineData("en-US", "My bag is lost, booking DEMO03", "property irregularity report")]
    [InlineData("de-DE", "Mein Koffer ist nicht angekommen", "Schadensmeldung")]
    [InlineData("de-DE", "Mein Gepäck wurde beschädigt, Buchung DEMO03", "Schadensmeldung")]
    public async Task ABagThatIsLateLostOrDamaged_IsADisruptionForAPerson_NeitherAStatusQuestionNorAFlightDelay(string locale, string message, string said)
    {
        using var conversation = new TestConversation(locale);
        var reply = await conversation.SayAsync(message);

        Assert.Contains(said, reply, StringComparison.Ordinal);
        Assert.Equal(CaseReason.PolicyNeedsPerson, Assert.Single(await conversation.Cases.ListOpenAsync(CancellationToken.None)).Reason);
        Assert.Empty(await conversation.Ledger.ForBookingAsync("DEMO03", CancellationToken.None));
    }

    [Fact]
    public async Task TheBaggageChoice_AtWhatHappened_GoesToAPerson()
    {
        using var conversation = new TestConversation();
        await conversation.SayAsync("I have a problem with my flight");
        Assert.Contains("property irregularity report", await conversation.SayAsync("Baggage problem"), StringComparison.Ordinal);
    }
}

using CustomerCare.Cases;
using CustomerCare.Conversation;
using CustomerCare.Schema;
using CustomerCare.Tests.Support;

namespace CustomerCare.Tests.Dialogs;

public sealed class CustomerCareBotTests
{
    [Fact]
    public async Task Join_GreetsOnceWithTheThreeOffers()
    {
        using var conversation = new TestConversation();

        await TestFlow.For(conversation)
            .SendEvent(CustomerCareBot.JoinEventName)
            .AssertReplyContains("CustomerCare assistant")
            .AssertSuggestedActions("Report a disruption", "Get product advice", "Talk to a person")
            .SendEvent(CustomerCareBot.JoinEventName)
            .AssertNoMoreReplies()
            .RunAsync();
    }

    [Fact]
    public async Task Join_InGerman_GreetsInGerman()
    {
        using var conversation = new TestConversation("de-DE");

        await TestFlow.For(conversation)
            .SendEvent(CustomerCareBot.JoinEventName)
            .AssertReplyContains("Hallo")
            .AssertSuggestedActions("Störung melden", "Produktberatung", "Mit einem Menschen sprechen")
            .RunAsync();
    }

    [Fact]
    public async Task BookingReference_ThreeBadAttempts_HandsOverToAPerson()
    {
        using var conversation = new TestConversation();

        await TestFlow.For(conversation)
            .Send("my flight was delayed").AssertReplyContains("booking reference")
            .Send("12").AssertReplyContains("doesn't look like a booking reference")
            .Send("ABCDEFG").AssertReplyContains("doesn't look like a booking reference")
            .Send("no idea").AssertReplyContains("after three tries")
            .AssertReplyContains("case CC-")
            .RunAsync();

        var opened = Assert.Single(await conversation.Cases.ListOpenAsync(CancellationToken.None));
        Assert.Equal(CaseReason.RepeatedMisunderstanding, opened.Reason);
    }

    [Theory]
    [InlineData("en-US", "My flight was delayed, booking DEMO05", "last name", "arrived 2 h 2 min late")]
    [InlineData("de-DE", "Flug verspaetet!! Buchung demo05", "Nachname", "mit 2 Std. 2 Min. Verspätung")]
    public async Task FirstMessage_ThatNamesKindAndBooking_IsNotAskedForThemAgain(string locale, string message, string asked, string facts)
    {
        using var conversation = new TestConversation(locale);

        await TestFlow.For(conversation)
            .Send(message).AssertReplyContains(asked)
            .Send("Probe").AssertReplyContains(facts)
            .RunAsync();
    }

    [Theory]
    [InlineData("en-US", "no", "My flight was delayed, booking DEMO05")]
    [InlineData("de-DE", "nein", "Mein Flug war verspätet, Buchung DEMO05")]
    public async Task No_ToTheConfirmation_IsAnAnswer_NotACancelCommand(string locale, string no, string report)
    {
        using var conversation = new TestConversation(locale);

        await TestFlow.For(conversation)
            .Send(report).AssertReply(_ => { })
            .Send("Probe").AssertReply(_ => { }).AssertReply(_ => { }).AssertReply(_ => { })
            .Send(no).AssertReply(reply => Assert.False(reply.Text!.Contains("stopped that", StringComparison.Ordinal) || reply.Text.Contains("abgebrochen", StringComparison.Ordinal), reply.Text))
            .RunAsync();

        Assert.Empty(await conversation.Cases.ListOpenAsync(CancellationToken.None));
        Assert.Empty(await conversation.Ledger.ForBookingAsync("DEMO05", CancellationToken.None));
    }

    [Fact]
    public async Task Help_InTheMiddleOfAFlow_ExplainsThenAsksTheSameQuestionAgain()
    {
        using var conversation = new TestConversation();

        await TestFlow.For(conversation)
            .Send("Report a disruption").AssertReplyContains("What happened?")
            .Send("delay").AssertReplyContains("booking reference")
            .Send("help").AssertReplyContains("Say \"cancel\"")
            .AssertReplyContains("booking reference")
            .Send("K7QX2M").AssertReplyContains("last name")
            .RunAsync();
    }

    [Fact]
    public async Task Cancel_InTheMiddleOfAFlow_StopsIt_AndNothingIsOpened()
    {
        using var conversation = new TestConversation("de-DE");

        await TestFlow.For(conversation)
            .Send("Störung melden").AssertReplyContains("Was ist passiert?")
            .Send("abbrechen").AssertReplyContains("abgebrochen")
            .Send("abbrechen").AssertReplyContains("nichts abzubrechen")
            .RunAsync();

        Assert.Empty(await conversation.Cases.ListOpenAsync(CancellationToken.None));
    }

    [Fact]
    public async Task TalkToAPerson_AtAnyPoint_OpensACaseAndSaysSoHonestly()
    {
        using var conversation = new TestConversation();

        await TestFlow.For(conversation)
            .Send("Report a disruption").AssertReplyContains("What happened?")
            .Send("I want to talk to a person").AssertReplyContains("no one from our care team is free right now")
            .RunAsync();

        var opened = Assert.Single(await conversation.Cases.ListOpenAsync(CancellationToken.None));
        Assert.Equal(CaseReason.CustomerAskedForPerson, opened.Reason);
    }

    [Fact]
    public async Task TwoMisunderstandingsInARow_OfferAPerson()
    {
        using var conversation = new TestConversation();

        await TestFlow.For(conversation)
            .Send("purple elephants").AssertReplyContains("didn't understand")
            .Send("xyzzy").AssertReplyContains("put you in touch with a person")
            .RunAsync();
    }

    [Fact]
    public async Task ATurnThatThrows_IsApologisedFor_AndTheDialogStateIsCleared()
    {
        var storage = new FailingOnceStorage();
        using var conversation = new TestConversation(storage: storage);
        await TestFlow.For(conversation).Send("Report a disruption").AssertReplyContains("What happened?").RunAsync();

        storage.FailNextWrite = new InvalidOperationException("a bug");
        await TestFlow.For(conversation).Send("delay").AssertReplyContains("booking reference").AssertReplyContains("Sorry, something went wrong").RunAsync();

        // The dialog state is gone: the next message starts a new report instead of continuing the broken one.
        await TestFlow.For(conversation).Send("K7QX2M").AssertReplyContains("What happened").RunAsync();
    }

    [Fact]
    public async Task ATurnTheStoreCannotSave_AsksToTryAgain_AndTheConversationGoesOnFromBeforeIt()
    {
        var storage = new FailingOnceStorage();
        using var conversation = new TestConversation(storage: storage);
        await TestFlow.For(conversation).Send("Report a disruption").AssertReplyContains("What happened?").RunAsync();

        storage.FailNextWrite = new IOException("No space left on device");
        await TestFlow.For(conversation).Send("delay").AssertReplyContains("booking reference").AssertReplyContains("can't save anything right now").RunAsync();

        // Nothing of the refused turn was kept, nor cleared: the same answer again goes on from "What happened?".
        await TestFlow.For(conversation).Send("delay").AssertReplyContains("booking reference").RunAsync();
    }

    private sealed class FailingOnceStorage : CustomerCare.Builder.IStorage
    {
        private readonly CustomerCare.Builder.MemoryStorage _inner = new();

        public Exception? FailNextWrite { get; set; }

        public Task<CustomerCare.Builder.StoreItem?> ReadAsync(string key, CancellationToken cancellationToken) => _inner.ReadAsync(key, cancellationToken);

        public Task<string> WriteAsync(string key, CustomerCare.Builder.StoreItem item, CancellationToken cancellationToken)
        {
            if (FailNextWrite is { } failure)
            {
                FailNextWrite = null;
                throw failure;
            }
            return _inner.WriteAsync(key, item, cancellationToken);
        }

        public Task DeleteAsync(string key, CancellationToken cancellationToken) => _inner.DeleteAsync(key, cancellationToken);
    }

    [Fact]
    public async Task ConversationUpdate_GreetsWhenTheUserJoins_NotWhenOnlyTheBotDoes()
    {
        using var conversation = new TestConversation();

        await conversation.SendAsync(new Activity { Type = ActivityTypes.ConversationUpdate, MembersAdded = [new ChannelAccount { Id = "bot" }] });
        Assert.Equal(0, conversation.PendingReplies);

        await conversation.SendAsync(new Activity { Type = ActivityTypes.ConversationUpdate, MembersAdded = [new ChannelAccount { Id = "user-1" }] });
        await TestFlow.For(conversation).AssertReplyContains("CustomerCare assistant").RunAsync();
    }
}

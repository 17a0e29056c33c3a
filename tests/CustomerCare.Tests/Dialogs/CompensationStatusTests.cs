using CustomerCare.Tests.Support;

namespace CustomerCare.Tests.Dialogs;

public sealed class CompensationStatusTests
{
    [Fact]
    public async Task StatusQuestion_IsAnsweredFromTheLedger_BeforeAndAfterAGrant()
    {
        using var conversation = new TestConversation();

        await TestFlow.For(conversation)
            .Send("did I already get any compensation? booking DEMO01").AssertReplyContains("last name")
            .Send("Sample").AssertReplyContains("no compensation recorded for booking DEMO01")
            .AssertReplyContains("anything else")
            .Send("My flight CC400 was delayed, booking DEMO01").AssertReply(_ => { })
            .Send("Sample").AssertReply(_ => { }).AssertReply(_ => { }).AssertReply(_ => { })
            .Send("yes").AssertReplyContains("Your reference is")
            .RunAsync();
        var reference = Assert.Single(await conversation.Ledger.ForBookingAsync("DEMO01", CancellationToken.None)).Reference;

        await TestFlow.For(conversation)
            .AssertReply(_ => { })
            .Send("has my compensation been paid already? DEMO01").AssertReplyContains("last name")
            .Send("sample").AssertReplyContains($"€649.00 on 11/23/2026 for CC400 11/18/2026 via test (reference {reference})")
            .RunAsync();
    }

    [Fact]
    public async Task FlightNotOnTheBooking_IsSaid_AndTheBookedFlightsAreOffered()
    {
        using var conversation = new TestConversation();

        await TestFlow.For(conversation)
            .Send("My flight LH999 was delayed, booking DEMO01").AssertReply(_ => { })
            .Send("Sample").AssertReplyContains("LH999 is not on booking DEMO01; it holds CC400")
            .AssertReply(a => Assert.Equal(["CC400 FRA→JFK Nov 18"], a.SuggestedActions!.Actions!.Select(x => x.Title ?? string.Empty).ToArray()))
            .RunAsync();
        Assert.Empty(await conversation.Ledger.ForBookingAsync("DEMO01", CancellationToken.None));
    }
}

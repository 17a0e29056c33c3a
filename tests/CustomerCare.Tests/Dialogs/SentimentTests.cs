using CustomerCare.Cases;
using CustomerCare.Recognition;
using CustomerCare.Tests.Support;

namespace CustomerCare.Tests.Dialogs;

public sealed class SentimentTests
{
    [Theory]
    [InlineData("This is absolutely unacceptable, the worst airline ever", true)]
    [InlineData("I'M SO FED UP WITH YOUR COMPANY", true)]
    [InlineData("Das ist eine Frechheit und Abzocke!!", true)]
    [InlineData("Unzumutbar, ich gehe zum Anwalt", true)]
    [InlineData("My flight was delayed, booking DEMO01", false)]
    [InlineData("Mein Koffer ist nicht angekommen!", false)]
    [InlineData("terrible weather today", false)]
    public void StrongNegativeSentiment_IsRecognisedInEnglishAndGerman(string text, bool expected)
        => Assert.Equal(expected, Sentiment.IsStronglyNegative(text));

    [Theory]
    [InlineData("en-US", "This is unacceptable, you are useless!!", "bringing in a person")]
    [InlineData("de-DE", "Unverschämt, das ist Betrug!!", "hole jetzt eine Person")]
    public async Task UpsetCustomer_IsHandedToAPerson_EvenInTheMiddleOfAQuestion(string locale, string message, string expected)
    {
        using var conversation = new TestConversation(locale);

        await TestFlow.For(conversation)
            .Send(locale == "de-DE" ? "Störung melden" : "Report a disruption").AssertReply(_ => { })
            .Send(message).AssertReplyContains(expected)
            .RunAsync();

        Assert.Equal(CaseReason.StrongNegativeSentiment, Assert.Single(await conversation.Cases.ListOpenAsync(CancellationToken.None)).Reason);
    }
}

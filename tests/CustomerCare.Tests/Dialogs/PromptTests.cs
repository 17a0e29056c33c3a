using CustomerCare.Dialogs;
using CustomerCare.Dialogs.Prompts;
using CustomerCare.Builder;
using CustomerCare.Tests.Support;

namespace CustomerCare.Tests.Dialogs;

public sealed class PromptTests
{
    private sealed class AgeFlow
    {
        public int Age { get; set; }
    }

    private static TestConversation WithRoot(Dialog root, params Dialog[] others)
    {
        TestConversation? conversation = null;
        var bot = new DialogTestBot(() => conversation!.ConversationState, root, others);
        conversation = new TestConversation(bot: bot);
        return conversation;
    }

    [Fact]
    public async Task NumberPrompt_InvalidThenValid_RetriesThenReturnsValue()
    {
        var validator = new PromptValidator<int>((p, _) => Task.FromResult(p.Recognized.Value is > 0 and < 130));
        var waterfall = new WaterfallDialog<AgeFlow>("age", [
            (step, ct) => step.PromptAsync("number", new PromptOptions { Prompt = MessageFactory.Text("How old are you?"), RetryPrompt = MessageFactory.Text("A number between 1 and 129, please.") }, ct),
            (step, ct) => { step.Flow.Age = (int)step.Result!; return step.EndDialogAsync(step.Flow.Age, ct); },
        ]);
        using var conversation = WithRoot(waterfall, new NumberPrompt<int>("number", validator));

        await TestFlow.For(conversation)
            .Send("hi").AssertReply("How old are you?")
            .Send("old enough").AssertReply("A number between 1 and 129, please.")
            .Send("200").AssertReply("A number between 1 and 129, please. If this isn't working, I can put you in touch with a person.")
            .Send("I am 42").AssertReply("done: 42")
            .AssertNoMoreReplies()
            .RunAsync();
    }

    [Fact]
    public async Task Prompt_MaxAttemptsReached_EndsWithNull()
    {
        var waterfall = new WaterfallDialog<AgeFlow>("age", [
            (step, ct) => step.PromptAsync("number", new PromptOptions { Prompt = MessageFactory.Text("Number?"), MaxAttempts = 2 }, ct),
            (step, ct) => step.EndDialogAsync(step.Result is null ? "gave up" : "got it", ct),
        ]);
        using var conversation = WithRoot(waterfall, new NumberPrompt<int>("number"));

        await TestFlow.For(conversation)
            .Send("hi").AssertReply("Number?")
            .Send("no").AssertReply("Number?")
            .Send("still no").AssertReply("done: gave up")
            .RunAsync();
    }

    [Fact]
    public async Task ChoicePrompt_ShowsSuggestedActions_AndRecognisesNumberTitleAndSynonym()
    {
        var choices = new List<Choice> { new("red", "Red"), new("green", "Green", ["grün"]), new("blue", "Blue") };
        var waterfall = new WaterfallDialog<AgeFlow>("colour", [
            (step, ct) => step.PromptAsync("choice", new PromptOptions { Prompt = MessageFactory.Text("Colour?"), Choices = choices }, ct),
            (step, ct) => step.EndDialogAsync(((FoundChoice)step.Result!).Value, ct),
        ]);
        using var conversation = WithRoot(waterfall, new ChoicePrompt("choice"));

        await TestFlow.For(conversation)
            .Send("start").AssertSuggestedActions("Red", "Green", "Blue")
            .Send("3").AssertReply("done: blue")
            .Send("again").AssertReply("Colour?")
            .Send("Grün!").AssertReply("done: green")
            .Send("again").AssertReply("Colour?")
            .Send("I'd like red please").AssertReply("done: red")
            .RunAsync();
    }

    [Theory]
    [InlineData("en-US", "yes", "done: True")]
    [InlineData("en-US", "no thanks", "done: False")]
    [InlineData("de-DE", "ja", "done: True")]
    [InlineData("de-DE", "Nein", "done: False")]
    [InlineData("de-DE", "yes", "done: True")]
    public async Task ConfirmPrompt_UnderstandsYesAndNoInTheConversationsLanguage(string locale, string answer, string expected)
    {
        var waterfall = new WaterfallDialog<AgeFlow>("confirm.flow", [
            (step, ct) => step.PromptAsync("confirm", new PromptOptions { Prompt = MessageFactory.Text("Sure?") }, ct),
            (step, ct) => step.EndDialogAsync(step.Result, ct),
        ]);
        using var conversation = WithRoot(waterfall, new ConfirmPrompt("confirm"));
        conversation.Locale = locale;

        await TestFlow.For(conversation)
            .Send("start").AssertReply(a => Assert.Equal(2, a.SuggestedActions!.Actions!.Count))
            .Send("maybe").AssertReply("Sure?")
            .Send(answer).AssertReply(expected)
            .RunAsync();
    }

    [Fact]
    public async Task Waterfall_StateIsPersistedBetweenTurns_AndNextSkipsAhead()
    {
        var waterfall = new WaterfallDialog<AgeFlow>("steps", [
            (step, ct) => { step.Flow.Age = 1; return step.NextAsync(null, ct); },
            (step, ct) => { step.Flow.Age += 10; return step.PromptAsync("text", new PromptOptions { Prompt = MessageFactory.Text($"age is {step.Flow.Age}") }, ct); },
            (step, ct) => { step.Flow.Age += 100; return step.EndDialogAsync(step.Flow.Age, ct); },
        ]);
        using var conversation = WithRoot(waterfall, new TextPrompt("text"));

        await TestFlow.For(conversation)
            .Send("go").AssertReply("age is 11")
            .Send("anything").AssertReply("done: 111")
            .RunAsync();
    }
}

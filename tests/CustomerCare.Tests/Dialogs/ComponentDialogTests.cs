using CustomerCare.Builder;
using CustomerCare.Dialogs;
using CustomerCare.Dialogs.Prompts;
using CustomerCare.Tests.Support;

namespace CustomerCare.Tests.Dialogs;

public sealed class ComponentDialogTests
{
    private sealed class NameFlow
    {
        public string? First { get; set; }
    }

    private sealed class NameDialog : ComponentDialog
    {
        public NameDialog() : base("name")
        {
            AddDialog(new WaterfallDialog<NameFlow>("name.steps", [
                (step, ct) => step.PromptAsync("name.first", new PromptOptions { Prompt = MessageFactory.Text("First name?") }, ct),
                (step, ct) => { step.Flow.First = (string)step.Result!; return step.PromptAsync("name.last", new PromptOptions { Prompt = MessageFactory.Text("Last name?") }, ct); },
                (step, ct) => step.EndDialogAsync($"{step.Flow.First} {step.Result}", ct),
            ]));
            AddDialog(new TextPrompt("name.first"));
            AddDialog(new TextPrompt("name.last"));
        }
    }

    [Fact]
    public async Task Component_RunsItsInnerStackAcrossTurns_AndReturnsItsResultToTheParent()
    {
        var outer = new WaterfallDialog<NameFlow>("outer", [
            (step, ct) => step.BeginDialogAsync("name", null, ct),
            (step, ct) => step.EndDialogAsync("hello " + step.Result, ct),
        ]);
        TestConversation? conversation = null;
        var bot = new DialogTestBot(() => conversation!.ConversationState, outer, new NameDialog());
        using (conversation = new TestConversation(bot: bot))
        {
            await TestFlow.For(conversation)
                .Send("start").AssertReply("First name?")
                .Send("Ada").AssertReply("Last name?")
                .Send("Lovelace").AssertReply("done: hello Ada Lovelace")
                .RunAsync();
        }
    }

    [Fact]
    public async Task CancelAll_WhileInsideComponent_EmptiesTheStack()
    {
        TestConversation? conversation = null;
        var bot = new DialogTestBot(() => conversation!.ConversationState, new NameDialog());
        using (conversation = new TestConversation(bot: bot))
        {
            await TestFlow.For(conversation).Send("start").AssertReply("First name?").RunAsync();

            await conversation.SendAsync("cancel-all");

            Assert.Equal(DialogTurnStatus.Cancelled, bot.LastResult!.Status);
            await TestFlow.For(conversation).Send("again").AssertReply("First name?").RunAsync();
        }
    }
}

using CustomerCare.Builder;
using CustomerCare.Conversation;
using CustomerCare.Dialogs;
using CustomerCare.Schema;

namespace CustomerCare.Tests.Support;

/// <summary>A bot that runs one root dialog, for testing the dialog engine on its own; reports the last turn's result.</summary>
public sealed class DialogTestBot(Func<ConversationState<ConversationData>> state, Dialog root, params Dialog[] others) : IBot
{
    private readonly DialogSet _dialogs = CreateSet(root, others);

    public DialogTurnResult? LastResult { get; private set; }

    public async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var conversationState = state();
        var data = await conversationState.LoadAsync(turnContext, cancellationToken);
        var dc = new DialogContext(_dialogs, turnContext, data.Dialogs);
        if (turnContext.Activity.Text == "cancel-all")
        {
            LastResult = await dc.CancelAllDialogsAsync(cancellationToken);
        }
        else
        {
            LastResult = await dc.ContinueDialogAsync(cancellationToken);
            if (LastResult.Status == DialogTurnStatus.Empty && turnContext.Activity.IsType(ActivityTypes.Message))
            {
                LastResult = await dc.BeginDialogAsync(root.Id, null, cancellationToken);
            }
        }
        if (LastResult.Status == DialogTurnStatus.Complete)
        {
            await turnContext.SendActivityAsync(MessageFactory.Text($"done: {LastResult.Result}"), cancellationToken);
        }
        await conversationState.SaveChangesAsync(turnContext, cancellationToken);
    }

    private static DialogSet CreateSet(Dialog root, Dialog[] others)
    {
        var set = new DialogSet().Add(root);
        foreach (var dialog in others)
        {
            set.Add(dialog);
        }
        return set;
    }
}

using CustomerCare.Builder;
using CustomerCare.Cases;
using CustomerCare.Dialogs;
using CustomerCare.Localization;
using CustomerCare.Recognition;

namespace CustomerCare.Conversation;

/// <summary>What the customer may say at any point: help (then the current question again), cancel, or ask for a person.</summary>
public static class Interruptions
{
    public static async Task<bool> TryHandleAsync(
        DialogContext dc, RecognizerResult understood, ConversationData conversation, HandoffDesk handoff, CancellationToken cancellationToken)
    {
        var turnContext = dc.Context;
        switch (understood.TopIntent)
        {
            case Intents.Help:
                await turnContext.SendActivityAsync(MessageFactory.Text(turnContext.Text(nameof(Strings.Help))), cancellationToken).ConfigureAwait(false);
                if (dc.ActiveDialog is null)
                {
                    await turnContext.SendActivityAsync(MainMenu.Ask(turnContext, turnContext.Text(nameof(Strings.WhatCanIDo))), cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    await dc.RepromptDialogAsync(cancellationToken).ConfigureAwait(false);
                }
                return true;

            case Intents.Cancel:
                var cancelled = await dc.CancelAllDialogsAsync(cancellationToken).ConfigureAwait(false);
                var key = cancelled.Status == DialogTurnStatus.Cancelled ? nameof(Strings.Cancelled) : nameof(Strings.NothingToCancel);
                await turnContext.SendActivityAsync(MainMenu.Ask(turnContext, turnContext.Text(key)), cancellationToken).ConfigureAwait(false);
                return true;

            case Intents.TalkToHuman:
                await dc.CancelAllDialogsAsync(cancellationToken).ConfigureAwait(false);
                await handoff.HandToPersonAsync(turnContext, conversation, CaseReason.CustomerAskedForPerson, null, cancellationToken).ConfigureAwait(false);
                return true;

            default:
                return false;
        }
    }
}

using CustomerCare.Builder;
using CustomerCare.Cases;
using CustomerCare.Dialogs;
using CustomerCare.Dialogs.Prompts;
using CustomerCare.Localization;
using CustomerCare.Recognition;

namespace CustomerCare.Conversation;

/// <summary>
/// What the customer may say at any point: help (then the current question again), cancel, or ask for a person.
/// While a question is open, only a confident command interrupts it, and never an answer the question itself
/// accepts ("no" to a yes/no question, "Cancellation" when that is one of the choices).
/// </summary>
public static class Interruptions
{
    /// <summary>The confidence a command needs to interrupt an open question.</summary>
    public const double InsideDialogThreshold = 0.7;

    public static async Task<bool> TryHandleAsync(
        DialogContext dc, RecognizerResult understood, ConversationData conversation, HandoffDesk handoff, CancellationToken cancellationToken)
    {
        var turnContext = dc.Context;
        if (Sentiment.IsStronglyNegative(understood.Text))
        {
            var inProgress = ReportInProgress(dc.ActiveDialog) ?? conversation.LastReport;
            await dc.CancelAllDialogsAsync(cancellationToken).ConfigureAwait(false);
            await turnContext.SendActivityAsync(MessageFactory.Text(turnContext.Text(nameof(Strings.UpsetHandoff))), cancellationToken).ConfigureAwait(false);
            await handoff.HandToPersonAsync(turnContext, conversation, CaseReason.StrongNegativeSentiment, inProgress, cancellationToken).ConfigureAwait(false);
            return true;
        }
        if (dc.ActiveDialog is { } active && (understood.Score < InsideDialogThreshold || OpenQuestionAccepts(active, understood.Text, turnContext)))
        {
            return false;
        }
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
                var report = ReportInProgress(dc.ActiveDialog) ?? conversation.LastReport;
                await dc.CancelAllDialogsAsync(cancellationToken).ConfigureAwait(false);
                await handoff.HandToPersonAsync(turnContext, conversation, CaseReason.CustomerAskedForPerson, report, cancellationToken).ConfigureAwait(false);
                return true;

            default:
                return false;
        }
    }

    /// <summary>What the customer already told the disruption report, so the person taking over need not ask again.</summary>
    private static DisruptionReport? ReportInProgress(DialogInstance? active)
    {
        for (var instance = active; instance is not null; instance = instance.Inner?.Stack.LastOrDefault())
        {
            if (instance.State.Get<DisruptionReport>("flow") is { } report && instance.Id == ReportDisruptionDialog.StepsId)
            {
                return report;
            }
        }
        return null;
    }

    private static bool OpenQuestionAccepts(DialogInstance active, string text, ITurnContext turnContext)
    {
        var innermost = active;
        while (innermost.Inner?.Stack.FirstOrDefault() is { } inner)
        {
            innermost = inner;
        }
        if (innermost.Options is not { } question)
        {
            return false;
        }
        return question.Choices is { Count: > 0 } choices
            ? ChoiceRecognizer.Recognize(text, choices) is not null
            : YesNoRecognizer.Recognize(text, turnContext.Culture()) is not null;
    }
}

using CustomerCare.Builder;
using CustomerCare.Localization;
using CustomerCare.Schema;

namespace CustomerCare.Conversation;

/// <summary>The three things the bot offers, as suggested actions under a question.</summary>
public static class MainMenu
{
    public static Activity Ask(ITurnContext turnContext, string text) => MessageFactory.SuggestedActions(
        [
            CardAction.ImBack(turnContext.Text(nameof(Strings.ActionReportDisruption))),
            CardAction.ImBack(turnContext.Text(nameof(Strings.ActionProductAdvice))),
            CardAction.ImBack(turnContext.Text(nameof(Strings.ActionTalkToPerson))),
        ],
        text);

    public static Task SendWelcomeAsync(ITurnContext turnContext, CancellationToken cancellationToken)
        => turnContext.SendActivitiesAsync(
            [MessageFactory.Text(turnContext.Text(nameof(Strings.Greeting))), Ask(turnContext, turnContext.Text(nameof(Strings.WhatCanIDo)))],
            cancellationToken);
}

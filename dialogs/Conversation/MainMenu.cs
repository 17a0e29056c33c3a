using CustomerCare.Builder;
using CustomerCare.Localization;
using CustomerCare.Recognition;
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

    private static readonly (string Key, string Intent)[] Offers =
    [
        (nameof(Strings.ActionReportDisruption), Intents.ReportDisruption),
        (nameof(Strings.ActionProductAdvice), Intents.ProductAdvice),
        (nameof(Strings.ActionTalkToPerson), Intents.TalkToHuman),
    ];

    /// <summary>A click on one of the menu's buttons (in either language) means its intent, whatever a model would say.</summary>
    public static RecognizerResult? Recognize(string text)
    {
        foreach (var culture in new[] { Locales.For(Locales.English), Locales.For(Locales.German) })
        {
            foreach (var (key, intent) in Offers)
            {
                if (string.Equals(text.Trim(), BotText.Get(culture, key), StringComparison.OrdinalIgnoreCase))
                {
                    return new RecognizerResult(text, intent, 1.0, new Dictionary<string, double> { [intent] = 1.0 }, []);
                }
            }
        }
        return null;
    }

    public static Task SendWelcomeAsync(ITurnContext turnContext, CancellationToken cancellationToken)
        => turnContext.SendActivitiesAsync(
            [MessageFactory.Text(turnContext.Text(nameof(Strings.Greeting))), Ask(turnContext, turnContext.Text(nameof(Strings.WhatCanIDo)))],
            cancellationToken);
}

using CustomerCare.Builder;
using CustomerCare.Schema;
using IMiddleware = CustomerCare.Builder.IMiddleware;

namespace CustomerCare.Bot.Teams;

/// <summary>For Teams activities: strips the bot's @mention, and remembers where the bot is installed (for proactive posts to agents).</summary>
public sealed class TeamsMiddleware(TeamsInstallations installations) : IMiddleware
{
    public const string ChannelId = "msteams";

    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        if (activity.ChannelId == ChannelId)
        {
            TeamsMentions.RemoveRecipientMention(activity);
            if (activity.IsType(ActivityTypes.ConversationUpdate) || activity.IsType(ActivityTypes.InstallationUpdate) || activity.IsType(ActivityTypes.Message))
            {
                await installations.RememberAsync(activity, cancellationToken).ConfigureAwait(false);
            }
        }
        await next(cancellationToken).ConfigureAwait(false);
    }
}

using CustomerCare.Bot.Connector;
using CustomerCare.Builder;
using CustomerCare.Schema;
using Microsoft.Extensions.Options;
using IMiddleware = CustomerCare.Builder.IMiddleware;

namespace CustomerCare.Bot.Teams;

/// <summary>
/// For Teams activities: strips the bot's @mention, and remembers where the bot is installed (for proactive posts to
/// agents) — only from requests with a validated channel token, and only in the agents' tenant when one is configured.
/// </summary>
public sealed class TeamsMiddleware(ITeamsInstallations installations, IOptions<TeamsOptions> teams, IOptions<BotAppOptions> app) : IMiddleware
{
    public const string ChannelId = "msteams";

    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        if (activity.ChannelId == ChannelId)
        {
            TeamsMentions.RemoveRecipientMention(activity);
            if ((activity.IsType(ActivityTypes.ConversationUpdate) || activity.IsType(ActivityTypes.InstallationUpdate) || activity.IsType(ActivityTypes.Message))
                && turnContext.IsAuthenticatedChannel() && InAgentsTenant(activity) && TeamsInstallation.From(activity) is { } installation)
            {
                await installations.RememberAsync(installation, cancellationToken).ConfigureAwait(false);
            }
        }
        await next(cancellationToken).ConfigureAwait(false);
    }

    private bool InAgentsTenant(Activity activity)
        => (teams.Value.TenantId is { Length: > 0 } configured ? configured : app.Value.MicrosoftAppTenantId) is not { Length: > 0 } tenant
           || string.Equals(TeamsChannelData.From(activity).TenantId, tenant, StringComparison.OrdinalIgnoreCase);
}

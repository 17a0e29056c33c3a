using CustomerCare.Bot.Connector;
using CustomerCare.Builder;
using Microsoft.Extensions.Options;

namespace CustomerCare.Bot.Teams;

/// <summary>
/// The guard on every agents' route: a request from Teams whose channel token was validated, from the configured
/// tenant, in the agents' channel (and team, where known). Anything else is refused and logged — a customer posting
/// an agents' card action into their own Direct Line conversation changes nothing.
/// </summary>
public sealed partial class AgentChannelGuard(IOptions<TeamsOptions> teams, IOptions<BotAppOptions> app, ITeamsInstallations installations, ILogger<AgentChannelGuard> logger)
{
    public async Task<AgentAccess> CheckAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var access = await DecideAsync(turnContext, cancellationToken).ConfigureAwait(false);
        if (access is AgentAccess.Denied denied)
        {
            var activity = turnContext.Activity;
            LogRefused(logger, denied.Reason, activity.Type, activity.Name, activity.ChannelId, activity.Conversation?.Id, activity.From?.Id);
        }
        return access;
    }

    private async Task<AgentAccess> DecideAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        if (!turnContext.IsAuthenticatedChannel())
        {
            return new AgentAccess.Denied(AgentDenial.NotAuthenticated);
        }
        if (activity.ChannelId != TeamsMiddleware.ChannelId)
        {
            return new AgentAccess.Denied(AgentDenial.NotTeams);
        }
        var options = teams.Value;
        var data = TeamsChannelData.From(activity);
        if ((options.TenantId is { Length: > 0 } ? options.TenantId : app.Value.MicrosoftAppTenantId) is not { Length: > 0 } tenant)
        {
            return new AgentAccess.Denied(AgentDenial.NoTenantConfigured);
        }
        if (!string.Equals(data.TenantId, tenant, StringComparison.OrdinalIgnoreCase))
        {
            return new AgentAccess.Denied(AgentDenial.OtherTenant);
        }
        if (options.AgentChannelId is not { Length: > 0 } agentsChannel)
        {
            return new AgentAccess.Denied(AgentDenial.NoAgentsChannel);
        }
        // A channel message carries its channel in channelData; its conversation is "<channel>;messageid=<thread>".
        var channel = data.ChannelId ?? activity.Conversation?.Id?.Split(';')[0];
        if (!string.Equals(channel, agentsChannel, StringComparison.Ordinal))
        {
            return new AgentAccess.Denied(AgentDenial.OtherChannel);
        }
        var team = options.AgentTeamId is { Length: > 0 } configured ? configured : (await installations.FindAsync(agentsChannel, cancellationToken).ConfigureAwait(false))?.TeamId;
        if (team is not null && data.TeamId is not null && !string.Equals(team, data.TeamId, StringComparison.Ordinal))
        {
            return new AgentAccess.Denied(AgentDenial.OtherTeam);
        }
        // The Entra object id, the same id a supervisor signs in with: so nobody can approve what they asked for under another id.
        if (activity.From?.AadObjectId is not { Length: > 0 } agentId)
        {
            return new AgentAccess.Denied(AgentDenial.NoAgentId);
        }
        return new AgentAccess.Allowed(new AgentIdentity(agentId, activity.From?.Name is { Length: > 0 } name ? name : agentId));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Agents' action refused ({Reason}): {Type} {Name} on channel {ChannelId}, conversation {ConversationId}, from {FromId}")]
    private static partial void LogRefused(ILogger logger, AgentDenial reason, string? type, string? name, string? channelId, string? conversationId, string? fromId);
}

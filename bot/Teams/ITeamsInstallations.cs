using CustomerCare.Schema;

namespace CustomerCare.Bot.Teams;

/// <summary>Where in Teams the bot lives: per team channel, the serviceUrl, tenant and bot id needed to post there later.</summary>
public sealed record TeamsInstallation(string ChannelId, string? TeamId, string TenantId, string ServiceUrl, string BotId, string? BotName)
{
    /// <summary>The installation a Teams activity shows, if it names its channel, tenant, service and bot.</summary>
    public static TeamsInstallation? From(Activity activity)
    {
        var data = TeamsChannelData.From(activity);
        return data.ChannelId is null || data.TenantId is null || activity.ServiceUrl is null || activity.Recipient?.Id is null
            ? null
            : new TeamsInstallation(data.ChannelId, data.TeamId, data.TenantId, activity.ServiceUrl, activity.Recipient.Id, activity.Recipient.Name);
    }
}

/// <summary>The Teams channels the bot was installed in, shared by every instance that posts to agents or guards their routes.</summary>
public interface ITeamsInstallations
{
    /// <summary>Records where the bot is installed; an installation already known at the same service is left as it is.</summary>
    Task RememberAsync(TeamsInstallation installation, CancellationToken cancellationToken);

    Task<TeamsInstallation?> FindAsync(string channelId, CancellationToken cancellationToken);
}

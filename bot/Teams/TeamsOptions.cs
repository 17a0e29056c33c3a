namespace CustomerCare.Bot.Teams;

/// <summary>Where agents work in Teams.</summary>
public sealed class TeamsOptions
{
    public const string Section = "Teams";

    /// <summary>The agents' channel (19:…@thread.tacv2); the bot must be installed in its team.</summary>
    public string? AgentChannelId { get; set; }
}

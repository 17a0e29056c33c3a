namespace CustomerCare.Bot.Teams;

/// <summary>Where agents work in Teams.</summary>
public sealed class TeamsOptions
{
    public const string Section = "Teams";

    /// <summary>The agents' channel (19:…@thread.tacv2); the bot must be installed in its team.</summary>
    public string? AgentChannelId { get; set; }

    /// <summary>The agents' team (19:…@thread.tacv2), when known; card actions and commands from another team are refused.</summary>
    public string? AgentTeamId { get; set; }

    /// <summary>The Microsoft Entra tenant agents work in; card actions and commands from any other tenant are refused. Defaults to MicrosoftAppTenantId.</summary>
    public string? TenantId { get; set; }

    /// <summary>The bot's public address, for links on cards (the full transcript of a case).</summary>
    public string PublicBaseUrl { get; set; } = "http://localhost:3978";

    /// <summary>Where an agent reads the whole conversation of a case (signed in with the Agent or Supervisor role).</summary>
    public string ApprovalsUrl => PublicBaseUrl.TrimEnd('/') + "/supervisors/approvals";

    public string TranscriptUrl(string caseReference) => PublicBaseUrl.TrimEnd('/') + "/agents/cases/" + Uri.EscapeDataString(caseReference);
}

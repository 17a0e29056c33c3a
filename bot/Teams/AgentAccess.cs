using CustomerCare.Cases;
using CustomerCare.Ledger;

namespace CustomerCare.Bot.Teams;

/// <summary>Why a card action or an agents' command was refused.</summary>
public enum AgentDenial
{
    /// <summary>Not a channel request with a validated Bot Framework token (Direct Line, Web Chat, an anonymous request).</summary>
    NotAuthenticated,

    NotTeams,

    /// <summary>Neither Teams:TenantId nor MicrosoftAppTenantId is configured, so no tenant is trusted.</summary>
    NoTenantConfigured,

    OtherTenant,

    NoAgentsChannel,

    OtherChannel,

    OtherTeam,

    /// <summary>The sender has no Microsoft Entra object id (aadObjectId).</summary>
    NoAgentId,
}

/// <summary>An agent as Teams identifies them: the Entra object id (aadObjectId) and display name.</summary>
public sealed record AgentIdentity(string Id, string Name)
{
    /// <summary>The agent acting for a case's customer, in the customer's channel and conversation.</summary>
    public GrantActor ActorFor(CaseFile caseFile) => new(ActorKind.Agent, Id, Name, caseFile.ChannelId, caseFile.ConversationId);
}

/// <summary>Whether the turn may act as an agent.</summary>
public abstract record AgentAccess
{
    private AgentAccess()
    {
    }

    public sealed record Allowed(AgentIdentity Agent) : AgentAccess;

    public sealed record Denied(AgentDenial Reason) : AgentAccess;
}

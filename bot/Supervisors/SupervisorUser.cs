using System.Security.Claims;
using CustomerCare.Ledger;

namespace CustomerCare.Bot.Supervisors;

/// <summary>The signed-in supervisor's display name for the access log and reviews.</summary>
public static class SupervisorUser
{
    public static string NameOf(ClaimsPrincipal user)
        => user.FindFirst(SupervisorAccess.NameClaim)?.Value ?? user.FindFirst("preferred_username")?.Value ?? user.Identity?.Name ?? "unknown";

    /// <summary>Who, for the access log: the display name and, when Entra ID signed them in, the account and object id.</summary>
    public static string AuditNameOf(ClaimsPrincipal user)
    {
        var account = user.FindFirst("preferred_username")?.Value;
        var objectId = user.FindFirst(ObjectIdClaim)?.Value;
        var name = NameOf(user);
        return account is null && objectId is null ? name + (IsDevelopmentSignIn(user) ? " (development sign-in)" : string.Empty) : $"{name} <{account}> oid {objectId}";
    }

    /// <summary>The Entra ID object id, which Teams sends as aadObjectId (so an agent's sign-in matches the agent on a case).</summary>
    public const string ObjectIdClaim = "oid";

    public static string? ObjectIdOf(ClaimsPrincipal user) => user.FindFirst(ObjectIdClaim)?.Value;

    /// <summary>
    /// The signed-in supervisor as the grant path's actor: their Entra object id (what Teams sends as an agent's
    /// aadObjectId, so a supervisor who asked as an agent is recognised), in the customer's channel and conversation.
    /// </summary>
    public static GrantActor ActorOf(ClaimsPrincipal user, GrantActor requester)
        => new(ActorKind.Supervisor, ObjectIdOf(user) ?? "name:" + NameOf(user), NameOf(user), requester.Channel, requester.ConversationId);

    public static bool IsDevelopmentSignIn(ClaimsPrincipal user) => user.HasClaim(c => c.Type == SupervisorAccess.DevelopmentClaim);
}

using System.Security.Claims;

namespace CustomerCare.Bot.Supervisors;

/// <summary>The signed-in supervisor's display name for the access log and reviews.</summary>
public static class SupervisorUser
{
    public static string NameOf(ClaimsPrincipal user)
        => user.FindFirst(SupervisorAccess.NameClaim)?.Value ?? user.FindFirst("preferred_username")?.Value ?? user.Identity?.Name ?? "unknown";

    public static bool IsDevelopmentSignIn(ClaimsPrincipal user) => user.HasClaim(c => c.Type == SupervisorAccess.DevelopmentClaim);
}

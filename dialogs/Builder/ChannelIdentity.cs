using System.Security.Claims;

namespace CustomerCare.Builder;

/// <summary>
/// Who delivered the turn, as the SDK's bot identity: set on the turn by the endpoint that received the activity. Only
/// a request whose Bot Framework token was validated (issuer, audience, signature, the channel's endorsement) carries
/// an authenticated identity; local anonymous requests and the built-in Direct Line do not.
/// </summary>
public static class ChannelIdentity
{
    /// <summary>The authentication type of an identity proven by a channel's signed token.</summary>
    public const string BotFramework = "BotFramework";

    public static ClaimsIdentity Authenticated(IEnumerable<Claim> claims) => new(claims, BotFramework);

    public static ClaimsIdentity Anonymous { get; } = new();

    /// <summary>True when the turn arrived with a validated channel token.</summary>
    public static bool IsAuthenticatedChannel(this ITurnContext turnContext)
        => turnContext.Services.Get<ClaimsIdentity>() is { IsAuthenticated: true, AuthenticationType: BotFramework };
}

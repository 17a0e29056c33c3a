using System.Security.Claims;
using CustomerCare.Schema;

namespace CustomerCare.Bot.Connector;

/// <summary>Decides whether a request to /api/messages really comes from a channel.</summary>
public interface IChannelAuthenticator
{
    /// <summary>
    /// The identity of the channel that sent the request: authenticated when its token was validated, anonymous for a
    /// request without a token on a bot without an app id (local development); null when the request must be refused.
    /// </summary>
    Task<ClaimsIdentity?> AuthenticateAsync(string? authorizationHeader, Activity activity, CancellationToken cancellationToken);
}

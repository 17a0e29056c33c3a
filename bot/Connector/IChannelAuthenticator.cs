using CustomerCare.Schema;

namespace CustomerCare.Bot.Connector;

/// <summary>Decides whether a request to /api/messages really comes from a channel.</summary>
public interface IChannelAuthenticator
{
    Task<bool> IsAuthenticAsync(string? authorizationHeader, Activity activity, CancellationToken cancellationToken);
}

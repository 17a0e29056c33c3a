using CustomerCare.Schema;
using Microsoft.Extensions.Options;

namespace CustomerCare.Bot.Connector;

/// <summary>
/// Local development: with no app id configured, a request without an Authorization header is accepted as
/// anonymous. A header that is present must be validated, and this authenticator cannot, so it refuses it.
/// With an app id configured it refuses everything until channel JWT validation is configured.
/// </summary>
public sealed class AnonymousChannelAuthenticator(IOptions<BotAppOptions> options) : IChannelAuthenticator
{
    public Task<bool> IsAuthenticAsync(string? authorizationHeader, Activity activity, CancellationToken cancellationToken)
        => Task.FromResult(options.Value.IsAnonymous && string.IsNullOrEmpty(authorizationHeader));
}

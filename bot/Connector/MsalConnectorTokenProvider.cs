using Microsoft.Extensions.Options;
using Microsoft.Identity.Client;
using Microsoft.Identity.Client.AppConfig;

namespace CustomerCare.Bot.Connector;

/// <summary>
/// The bot's token for channels: client credentials for <c>https://api.botframework.com/.default</c> from its
/// single-tenant authority, or a user-assigned managed identity. MSAL caches tokens and renews them before expiry.
/// Anonymous bots, and bots without a secret or identity configured, send no token.
/// </summary>
public sealed class MsalConnectorTokenProvider : IConnectorTokenProvider
{
    private const string Scope = "https://api.botframework.com/.default";
    private readonly Func<CancellationToken, Task<string>>? _acquire;

    public const string HttpClientName = "msal";

    public MsalConnectorTokenProvider(IOptions<BotAppOptions> options, IOptions<ChannelAuthOptions> channelAuth, IHttpClientFactory httpClients)
    {
        var app = options.Value;
        if (app.IsAnonymous)
        {
            return;
        }
        if (string.Equals(app.MicrosoftAppType, "UserAssignedMSI", StringComparison.OrdinalIgnoreCase))
        {
            var identity = ManagedIdentityApplicationBuilder.Create(ManagedIdentityId.WithUserAssignedClientId(app.MicrosoftAppId)).Build();
            _acquire = async ct => (await identity.AcquireTokenForManagedIdentity("https://api.botframework.com").ExecuteAsync(ct).ConfigureAwait(false)).AccessToken;
        }
        else if (!string.IsNullOrEmpty(app.MicrosoftAppPassword))
        {
            var tenant = string.IsNullOrWhiteSpace(app.MicrosoftAppTenantId) ? "botframework.com" : app.MicrosoftAppTenantId;
            var client = ConfidentialClientApplicationBuilder.Create(app.MicrosoftAppId)
                .WithClientSecret(app.MicrosoftAppPassword)
                .WithAuthority($"{channelAuth.Value.TokenAuthorityHost.TrimEnd('/')}/{tenant}", validateAuthority: channelAuth.Value.TokenAuthorityHost.StartsWith("https://login.microsoftonline.com", StringComparison.Ordinal))
                .WithInstanceDiscovery(channelAuth.Value.TokenAuthorityHost.StartsWith("https://login.microsoftonline.com", StringComparison.Ordinal))
                .WithHttpClientFactory(new MsalHttpClients(httpClients))
                .Build();
            _acquire = async ct => (await client.AcquireTokenForClient([Scope]).ExecuteAsync(ct).ConfigureAwait(false)).AccessToken;
        }
    }

    /// <summary>MSAL's HTTP through the host's IHttpClientFactory (pooled handlers, configurable like every other client).</summary>
    private sealed class MsalHttpClients(IHttpClientFactory httpClients) : IMsalHttpClientFactory
    {
        public HttpClient GetHttpClient() => httpClients.CreateClient(HttpClientName);
    }

    public async Task<string?> GetTokenAsync(CancellationToken cancellationToken)
        => _acquire is null ? null : await _acquire(cancellationToken).ConfigureAwait(false);
}

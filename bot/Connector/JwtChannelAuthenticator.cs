using System.Security.Claims;
using CustomerCare.Builder;
using CustomerCare.Schema;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace CustomerCare.Bot.Connector;

/// <summary>
/// Channel → bot authentication as the Bot Framework requires: a Bearer JWT issued by the Bot Framework for this
/// bot's app id, signed with a key from the OpenID metadata (refreshed daily) whose endorsements name the
/// activity's channel, with a serviceurl claim equal to the activity's serviceUrl, within 5 minutes of clock skew.
/// Without an app id (local development) a request without a header is anonymous; a present header is validated.
/// </summary>
public sealed partial class JwtChannelAuthenticator : IChannelAuthenticator
{
    private readonly BotAppOptions _app;
    private readonly ChannelAuthOptions _options;
    private readonly ConfigurationManager<OpenIdConnectConfiguration> _metadata;
    private readonly JsonWebTokenHandler _handler = new();
    private readonly TimeProvider _clock;
    private readonly ILogger<JwtChannelAuthenticator> _logger;

    public JwtChannelAuthenticator(IOptions<BotAppOptions> app, IOptions<ChannelAuthOptions> options, TimeProvider clock, ILogger<JwtChannelAuthenticator> logger)
    {
        _app = app.Value;
        _options = options.Value;
        _clock = clock;
        _logger = logger;
        _metadata = new ConfigurationManager<OpenIdConnectConfiguration>(_options.OpenIdMetadataUrl, new OpenIdConnectConfigurationRetriever(),
            new HttpDocumentRetriever { RequireHttps = _options.RequireHttpsMetadata })
        {
            AutomaticRefreshInterval = TimeSpan.FromHours(24),
        };
    }

    public async Task<ClaimsIdentity?> AuthenticateAsync(string? authorizationHeader, Activity activity, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(authorizationHeader))
        {
            return _app.IsAnonymous ? ChannelIdentity.Anonymous : null;
        }
        if (!authorizationHeader.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) || _app.IsAnonymous)
        {
            return null;
        }
        var token = authorizationHeader["Bearer ".Length..].Trim();
        OpenIdConnectConfiguration metadata;
        try
        {
            metadata = await _metadata.GetConfigurationAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is InvalidOperationException or IOException or HttpRequestException)
        {
            LogMetadataUnavailable(_logger, ex);
            return null;
        }

        var result = await _handler.ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = _options.Issuer,
            ValidAudience = _app.MicrosoftAppId,
            IssuerSigningKeys = metadata.SigningKeys,
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
            RequireSignedTokens = true,
            RequireExpirationTime = true,
            ClockSkew = TimeSpan.FromMinutes(_options.ClockSkewMinutes),
            LifetimeValidator = (notBefore, expires, _, parameters) =>
                expires is { } exp && exp.Add(parameters.ClockSkew) > _clock.GetUtcNow().UtcDateTime
                && (notBefore is not { } nbf || nbf.Subtract(parameters.ClockSkew) <= _clock.GetUtcNow().UtcDateTime),
        }).ConfigureAwait(false);
        if (!result.IsValid || result.SecurityToken is not JsonWebToken jwt)
        {
            LogRejected(_logger, result.Exception?.GetType().Name ?? "invalid token");
            return null;
        }
        var key = metadata.JsonWebKeySet?.Keys.FirstOrDefault(k => k.Kid == jwt.Kid);
        if (key is null || !Endorses(key, activity.ChannelId))
        {
            LogRejected(_logger, "the signing key does not endorse the channel");
            return null;
        }
        var serviceUrl = jwt.Claims.FirstOrDefault(c => c.Type == "serviceurl")?.Value;
        if (!string.Equals(serviceUrl?.TrimEnd('/'), activity.ServiceUrl?.TrimEnd('/'), StringComparison.OrdinalIgnoreCase))
        {
            LogRejected(_logger, "the serviceurl claim does not match the activity");
            return null;
        }
        return ChannelIdentity.Authenticated(jwt.Claims);
    }

    private static bool Endorses(JsonWebKey key, string? channelId)
        => channelId is not null && key.AdditionalData.TryGetValue("endorsements", out var value) && value switch
        {
            IEnumerable<object> list => list.Any(e => string.Equals(e?.ToString(), channelId, StringComparison.OrdinalIgnoreCase)),
            System.Text.Json.JsonElement { ValueKind: System.Text.Json.JsonValueKind.Array } array => array.EnumerateArray().Any(e => string.Equals(e.GetString(), channelId, StringComparison.OrdinalIgnoreCase)),
            _ => false,
        };

    [LoggerMessage(Level = LogLevel.Warning, Message = "Channel request rejected: {Reason}")]
    private static partial void LogRejected(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "The channel OpenID metadata could not be read")]
    private static partial void LogMetadataUnavailable(ILogger logger, Exception exception);
}

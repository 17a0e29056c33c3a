using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CustomerCare.Bot.DirectLine;

/// <summary>Issues and checks Direct Line tokens: HS256 JWTs bound to one conversation (and user) that expire.</summary>
public sealed class DirectLineTokenService(SigningKeyProvider keys, IOptions<DirectLineOptions> options, TimeProvider clock)
{
    private const string Issuer = "customercare-directline";
    private const string ConversationClaim = "conv";
    private const string UserClaim = "user";
    private readonly JsonWebTokenHandler _handler = new() { SetDefaultTimesOnTokenCreation = false };

    public int LifetimeSeconds => options.Value.TokenLifetimeSeconds;

    public string Issue(string conversationId, string? userId)
    {
        var now = clock.GetUtcNow();
        var claims = new Dictionary<string, object>
        {
            [ConversationClaim] = conversationId,
            [JwtRegisteredClaimNames.Jti] = Guid.NewGuid().ToString("N"),
        };
        if (userId is not null)
        {
            claims[UserClaim] = userId;
        }
        return _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Issuer,
            Claims = claims,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = now.AddSeconds(LifetimeSeconds).UtcDateTime,
            SigningCredentials = new SigningCredentials(keys.Key, SecurityAlgorithms.HmacSha256),
        });
    }

    /// <summary>The token's grant, or null when it is malformed, forged or expired.</summary>
    public async Task<DirectLineToken?> ValidateAsync(string token)
    {
        var result = await _handler.ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = Issuer,
            ValidAudience = Issuer,
            IssuerSigningKey = keys.Key,
            ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
            ClockSkew = TimeSpan.Zero,
            LifetimeValidator = (notBefore, expires, _, _) =>
                expires is { } exp && exp > clock.GetUtcNow().UtcDateTime && (notBefore is null || notBefore <= clock.GetUtcNow().UtcDateTime.AddSeconds(5)),
        }).ConfigureAwait(false);
        if (!result.IsValid || result.ClaimsIdentity.FindFirst(ConversationClaim)?.Value is not { Length: > 0 } conversationId)
        {
            return null;
        }
        var expiresAt = ((JsonWebToken)result.SecurityToken).ValidTo;
        return new DirectLineToken(conversationId, result.ClaimsIdentity.FindFirst(UserClaim)?.Value, new DateTimeOffset(expiresAt, TimeSpan.Zero));
    }
}

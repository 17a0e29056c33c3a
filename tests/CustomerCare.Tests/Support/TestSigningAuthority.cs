using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CustomerCare.Tests.Support;

/// <summary>
/// Plays the Bot Framework's token issuer on loopback: an OpenID metadata document and a JWKS whose keys carry
/// channel endorsements, and signed channel tokens made on demand (valid, or broken in one chosen way).
/// </summary>
public sealed class TestSigningAuthority : IAsyncDisposable
{
    public const string Issuer = "https://api.botframework.com";
    private static readonly string[] SigningAlgorithms = ["RS256"];
    private readonly WebApplication _app;

    private TestSigningAuthority(WebApplication app) => _app = app;

    /// <summary>Endorses msteams and emulator.</summary>
    public RsaSecurityKey TeamsKey { get; } = new(RSA.Create(2048)) { KeyId = "teams-key" };

    /// <summary>In the metadata but endorses only the webchat channel.</summary>
    public RsaSecurityKey WebChatOnlyKey { get; } = new(RSA.Create(2048)) { KeyId = "webchat-key" };

    /// <summary>Not published anywhere: tokens signed with it are forged.</summary>
    public RsaSecurityKey UnknownKey { get; } = new(RSA.Create(2048)) { KeyId = "teams-key" };

    public string MetadataUrl { get; private set; } = string.Empty;

    public static async Task<TestSigningAuthority> StartAsync()
    {
        TestSigningAuthority? authority = null;
        var (_, baseUrl) = await LoopbackServer.StartAsync(app =>
        {
            authority = new TestSigningAuthority(app);
            Map(app, authority);
        });
        authority!.MetadataUrl = baseUrl + "/metadata";
        return authority;
    }

    private static void Map(WebApplication app, TestSigningAuthority authority)
    {
        app.MapGet("/metadata", (HttpContext context) => Results.Json(new
        {
            issuer = Issuer,
            jwks_uri = $"{context.Request.Scheme}://{context.Request.Host}/keys",
            id_token_signing_alg_values_supported = SigningAlgorithms,
        }));
        app.MapGet("/keys", () => Results.Json(new { keys = new[] { Jwk(authority.TeamsKey, ["msteams", "emulator"]), Jwk(authority.WebChatOnlyKey, ["webchat"]) } }));
    }

    public string Token(string audience, string serviceUrl, SecurityKey? key = null, string issuer = Issuer, DateTime? expires = null, bool withoutSignature = false)
    {
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            Expires = expires ?? DateTime.UtcNow.AddMinutes(30),
            NotBefore = (expires ?? DateTime.UtcNow.AddMinutes(30)).AddHours(-1),
            IssuedAt = (expires ?? DateTime.UtcNow.AddMinutes(30)).AddHours(-1),
            Claims = new Dictionary<string, object> { ["serviceurl"] = serviceUrl },
            SigningCredentials = withoutSignature ? null : new SigningCredentials(key ?? TeamsKey, SecurityAlgorithms.RsaSha256),
        };
        return new JsonWebTokenHandler().CreateToken(descriptor);
    }

    private static object Jwk(RsaSecurityKey key, string[] endorsements)
    {
        var parameters = key.Rsa.ExportParameters(false);
        return new
        {
            kty = "RSA",
            use = "sig",
            kid = key.KeyId,
            n = Base64UrlEncoder.Encode(parameters.Modulus),
            e = Base64UrlEncoder.Encode(parameters.Exponent),
            endorsements,
        };
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

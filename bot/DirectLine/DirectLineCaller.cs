using System.Security.Cryptography;
using System.Text;
using CustomerCare.Bot.Http;
using Microsoft.Extensions.Options;

namespace CustomerCare.Bot.DirectLine;

/// <summary>Who is calling Direct Line: the holder of the secret (any conversation) or of a token (its one conversation).</summary>
public sealed record DirectLineCaller(bool HasSecret, DirectLineToken? Token)
{
    public bool MayUse(string conversationId) => HasSecret || Token?.ConversationId == conversationId;

    /// <summary>Reads the Bearer secret or token; 401 when there is none, 403 when it is wrong, forged or expired.</summary>
    public static async Task<(DirectLineCaller? Caller, IResult? Error)> AuthenticateAsync(
        string? credential, DirectLineTokenService tokens, IOptions<DirectLineOptions> options)
    {
        if (string.IsNullOrWhiteSpace(credential))
        {
            return (null, ErrorResults.Error(StatusCodes.Status401Unauthorized, "TokenOrSecretMissing", "Send 'Authorization: Bearer <token or secret>'."));
        }
        if (options.Value.Secret is { Length: > 0 } secret && FixedTimeEquals(credential, secret))
        {
            return (new DirectLineCaller(true, null), null);
        }
        if (await tokens.ValidateAsync(credential).ConfigureAwait(false) is { } token)
        {
            return (new DirectLineCaller(false, token), null);
        }
        return (null, ErrorResults.Error(StatusCodes.Status403Forbidden, "TokenInvalid", "The token or secret is invalid or has expired."));
    }

    public static string? BearerOf(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : null;
    }

    private static bool FixedTimeEquals(string a, string b)
        => CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(a), Encoding.UTF8.GetBytes(b));
}

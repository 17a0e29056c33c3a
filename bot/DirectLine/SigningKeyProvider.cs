using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace CustomerCare.Bot.DirectLine;

/// <summary>
/// The token signing key: from configuration when given, otherwise generated once and kept in the store
/// (<see cref="ISigningKeyStore"/>), so tokens stay valid across restarts and on every instance.
/// </summary>
public sealed class SigningKeyProvider
{
    public SigningKeyProvider(IOptions<DirectLineOptions> options, ISigningKeyStore store)
    {
        var configured = options.Value.TokenSigningKey;
        var bytes = string.IsNullOrWhiteSpace(configured) ? store.GetOrAdd(RandomNumberGenerator.GetBytes(32)) : Convert.FromBase64String(configured);
        if (bytes.Length < 32)
        {
            throw new InvalidOperationException("DirectLine:TokenSigningKey must be at least 32 bytes (base64).");
        }
        Key = new SymmetricSecurityKey(bytes) { KeyId = "directline" };
    }

    public SymmetricSecurityKey Key { get; }
}

using System.Security.Cryptography;
using System.Text;

namespace CustomerCare.Bot.Payouts;

/// <summary>
/// The <c>CustomerCare-Signature</c> header: <c>sha256=</c> and the lowercase hex HMAC-SHA256 of the raw body, keyed
/// with the UTF-8 bytes of <c>Payouts:SigningSecret</c>. Instructions carry it, and finance's status reports must.
/// </summary>
public static class PayoutSignature
{
    public const string Header = "CustomerCare-Signature";
    private const string Prefix = "sha256=";

    public static string Sign(string secret, ReadOnlySpan<byte> body)
        => Prefix + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));

    /// <summary>Whether the header signs this body, compared in fixed time.</summary>
    public static bool Verifies(string secret, ReadOnlySpan<byte> body, string? header)
    {
        if (header is null || !header.StartsWith(Prefix, StringComparison.Ordinal) || header.Length != Prefix.Length + 64)
        {
            return false;
        }
        var expected = Encoding.ASCII.GetBytes(Sign(secret, body));
        return CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(header.ToLowerInvariant()));
    }
}

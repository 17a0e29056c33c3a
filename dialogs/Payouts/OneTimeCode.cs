using System.Security.Cryptography;
using System.Text;

namespace CustomerCare.Payouts;

/// <summary>
/// A one-time code that proves the customer reads the booking's e-mail: six random digits, kept only as a salted
/// hash with its expiry and the tries so far. Three wrong tries, or the expiry, end it.
/// </summary>
public sealed class OneTimeCode
{
    public const int MaxTries = 3;

    public string Salt { get; set; } = string.Empty;

    public string Hash { get; set; } = string.Empty;

    public DateTime ExpiresUtc { get; set; }

    public int Tries { get; set; }

    /// <summary>A new code, valid for <paramref name="lifetime"/>: the digits to send, and what to keep.</summary>
    public static (string Digits, OneTimeCode Kept) Issue(DateTime now, TimeSpan lifetime)
    {
        var digits = RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
        var salt = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        return (digits, new OneTimeCode { Salt = salt, Hash = HashOf(salt, digits), ExpiresUtc = now + lifetime });
    }

    /// <summary>Checks an answer ("123 456" counts as 123456); every check but an expired one uses a try.</summary>
    public CodeVerdict Check(string? answer, DateTime now)
    {
        if (Tries >= MaxTries)
        {
            return CodeVerdict.NoTriesLeft;
        }
        if (now >= ExpiresUtc)
        {
            return CodeVerdict.Expired;
        }
        Tries++;
        var digits = string.Concat((answer ?? string.Empty).Where(c => !char.IsWhiteSpace(c) && c != '-'));
        var matches = digits.Length == 6 && digits.All(char.IsAsciiDigit)
            && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(HashOf(Salt, digits)), Encoding.ASCII.GetBytes(Hash));
        if (matches)
        {
            return CodeVerdict.Correct;
        }
        return Tries >= MaxTries ? CodeVerdict.NoTriesLeft : CodeVerdict.Wrong;
    }

    [System.Text.Json.Serialization.JsonIgnore]
    public int TriesLeft => Math.Max(0, MaxTries - Tries);

    private static string HashOf(string salt, string digits) => Convert.ToHexString(SHA256.HashData(Encoding.ASCII.GetBytes(salt + ":" + digits)));
}

/// <summary>What a typed code came to.</summary>
public enum CodeVerdict
{
    Correct,
    Wrong,
    NoTriesLeft,
    Expired,
}

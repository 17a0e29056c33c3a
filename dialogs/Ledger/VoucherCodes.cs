using System.Security.Cryptography;

namespace CustomerCare.Ledger;

/// <summary>
/// Voucher codes: "V-" and 16 characters of Crockford's base32 in groups of four, 80 random bits from the system's
/// cryptographic generator, so a code cannot be guessed from another.
/// </summary>
public static class VoucherCodes
{
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    public static string New()
    {
        var bytes = RandomNumberGenerator.GetBytes(10);
        var chars = new char[16];
        for (var i = 0; i < 16; i++)
        {
            var bit = i * 5;
            var value = ((bytes[bit / 8] << 8) | (bit / 8 + 1 < bytes.Length ? bytes[bit / 8 + 1] : 0)) >> (11 - (bit % 8)) & 31;
            chars[i] = Alphabet[value];
        }
        var code = new string(chars);
        return $"V-{code[..4]}-{code[4..8]}-{code[8..12]}-{code[12..]}";
    }
}

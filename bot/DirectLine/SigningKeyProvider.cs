using System.Security.Cryptography;
using LiteDB;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace CustomerCare.Bot.DirectLine;

/// <summary>
/// The token signing key: from configuration when given, otherwise generated once and kept in the data file,
/// so tokens stay valid across restarts of the bot.
/// </summary>
public sealed class SigningKeyProvider
{
    public SigningKeyProvider(IOptions<DirectLineOptions> options, LiteDatabase database)
    {
        var configured = options.Value.TokenSigningKey;
        var bytes = string.IsNullOrWhiteSpace(configured) ? LoadOrCreate(database) : Convert.FromBase64String(configured);
        if (bytes.Length < 32)
        {
            throw new InvalidOperationException("DirectLine:TokenSigningKey must be at least 32 bytes (base64).");
        }
        Key = new SymmetricSecurityKey(bytes) { KeyId = "directline" };
    }

    public SymmetricSecurityKey Key { get; }

    private static byte[] LoadOrCreate(LiteDatabase database)
    {
        var settings = database.GetCollection("settings");
        const string id = "directline.signingKey";
        if (settings.FindById(id) is { } existing)
        {
            return existing["value"].AsBinary;
        }
        var key = RandomNumberGenerator.GetBytes(32);
        try
        {
            settings.Insert(new BsonDocument { ["_id"] = id, ["value"] = key });
            return key;
        }
        catch (LiteException ex) when (ex.ErrorCode == LiteException.INDEX_DUPLICATE_KEY)
        {
            return settings.FindById(id)["value"].AsBinary;
        }
    }
}

using System.Security.Cryptography;
using System.Text;
using CustomerCare.Ledger;
using CustomerCare.Tests.Support;

namespace CustomerCare.Tests.Attack;

/// <summary>What the payout attacks share: the secret finance and the bot sign with, and grants made straight on a ledger.</summary>
internal static class PayoutAttacks
{
    public const string Secret = "finance-and-bot-share-this-secret-0123456789";

    /// <summary>The signature as finance computes it, independently of the bot's code.</summary>
    public static string Signed(byte[] body) => "sha256=" + Convert.ToHexString(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), body)).ToLowerInvariant();

    public static GrantRequest RequestFor(string tag, int i)
    {
        var who = LedgerRequests.Passenger(booking: tag + i.ToString("D2", System.Globalization.CultureInfo.InvariantCulture), passengerId: tag + "P" + i,
            last: "Payee" + (char)('a' + i) + tag.ToLowerInvariant(), flights: LedgerRequests.Flight("CC7" + i.ToString("D2", System.Globalization.CultureInfo.InvariantCulture)));
        return LedgerRequests.Request(who, LedgerRequests.Bot());
    }

    public static async Task<LedgerEntry> GrantAsync(ICompensationLedger ledger, string tag, int i)
        => Assert.IsType<GrantOutcome.Granted>(await ledger.TryGrantAsync(RequestFor(tag, i), CancellationToken.None)).Entry;
}

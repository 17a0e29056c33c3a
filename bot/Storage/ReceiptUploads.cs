using CustomerCare.Ledger;

namespace CustomerCare.Bot.Storage;

/// <summary>
/// The uploads a grant's receipts point to: kept with the grant, in its transaction, so the files outlive the
/// conversation's retention (a transcript that expires takes its uploads with it, but not these).
/// </summary>
internal static class ReceiptUploads
{
    public const string Path = "/v3/directline/attachments/";

    /// <summary>The upload id of an attachment link to the bot's own Direct Line; null for any other link.</summary>
    public static string? IdOf(string? url)
    {
        var at = url?.IndexOf(Path, StringComparison.Ordinal) ?? -1;
        var id = at < 0 ? null : url![(at + Path.Length)..];
        return id is { Length: > 0 and <= 64 } && id.All(char.IsAsciiLetterOrDigit) ? id : null;
    }

    public static IReadOnlyList<string> Of(LedgerEntry entry) => entry.Receipts.Select(r => IdOf(r.ContentUrl)).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
}

using CustomerCare.Ledger;

namespace CustomerCare.Bot.Storage;

/// <summary>
/// The uploads a grant's receipts point to: kept with the grant, in its transaction, so the files outlive the
/// conversation's retention (a transcript that expires takes its uploads with it, but not these).
/// </summary>
internal static class ReceiptUploads
{
    public static IReadOnlyList<string> Of(LedgerEntry entry) => entry.Receipts.Select(r => Schema.UploadLinks.IdOf(r.ContentUrl)).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
}

using CustomerCare.Ledger;
using LiteDB;

namespace CustomerCare.Bot.Storage;

/// <summary>
/// The uploads a grant's receipts point to: kept with the grant, in its transaction, so the files outlive the
/// conversation's retention (a transcript that expires takes its uploads with it, but not these).
/// </summary>
internal static class ReceiptUploads
{
    /// <summary>The data file's record of kept uploads (PostgreSQL's is the kept_uploads table).</summary>
    private const string Collection = "keptUploads";

    public static IReadOnlyList<string> Of(LedgerEntry entry) => entry.Receipts.Select(r => Schema.UploadLinks.IdOf(r.ContentUrl)).OfType<string>().Distinct(StringComparer.Ordinal).ToList();

    /// <summary>Records the grant's receipt uploads as kept, inside the grant's own write.</summary>
    public static void Keep(LiteDatabase db, LedgerEntry entry)
    {
        foreach (var upload in Of(entry))
        {
            db.GetCollection(Collection).Upsert(new BsonDocument { ["_id"] = upload, ["grant"] = entry.Reference });
        }
    }

    public static bool IsKept(LiteDatabase db, string upload) => db.GetCollection(Collection).FindById(upload) is not null;
}

using CustomerCare.Privacy;
using LiteDB;

namespace CustomerCare.Bot.Storage;

/// <summary>Pseudonymises a grant in the data file, with its payout, inside a writer transaction (<see cref="LedgerPseudonyms"/>).</summary>
internal static class LiteDbLedgerPseudonyms
{
    /// <summary>Set on a grant's document once it is pseudonymised, so retention does not look at it again.</summary>
    public const string Marker = "pseudonymised";

    public static GrantPseudonymisation Apply(LiteDatabase db, BsonDocument document)
    {
        if (document[Marker].IsBoolean)
        {
            return GrantPseudonymisation.AlreadyPseudonymised;
        }
        var entry = LedgerDocuments.Read(document);
        var payout = LiteDbPayoutStore.Find(db, entry.Reference);
        if (!LedgerPseudonyms.MayPseudonymise(payout))
        {
            return GrantPseudonymisation.PayoutNotPaid;
        }
        var pseudonymised = LedgerDocuments.ToDocument(LedgerPseudonyms.Of(entry));
        // An older grant's key stays as it was: the entitlements it holds are found by it.
        pseudonymised["_id"] = document["_id"];
        pseudonymised[Marker] = true;
        db.GetCollection(LiteDbLedger.Entries).Update(pseudonymised);
        if (payout is not null)
        {
            LiteDbPayoutStore.Replace(db, LedgerPseudonyms.Of(payout));
        }
        return GrantPseudonymisation.Pseudonymised;
    }
}

using CustomerCare.Builder;
using CustomerCare.Ledger;
using LiteDB;
using JsonSerializer = System.Text.Json.JsonSerializer;

namespace CustomerCare.Bot.Storage;

/// <summary>A ledger entry as the data file keeps it: its indexed fields beside the entry's JSON.</summary>
internal static class LedgerDocuments
{
    public static BsonDocument ToDocument(LedgerEntry entry) => new()
    {
        ["_id"] = entry.Reference,
        ["reference"] = entry.Reference,
        ["booking"] = entry.Subject.BookingReference.Trim().ToUpperInvariant(),
        ["passenger"] = entry.Subject.PassengerId,
        ["kind"] = entry.Subject.Kind.ToString(),
        ["channel"] = entry.GrantedBy.Channel,
        ["actorKind"] = entry.GrantedBy.Kind.ToString(),
        ["actorId"] = entry.GrantedBy.Id,
        ["tier"] = entry.Tier.ToString(),
        ["grantedUtc"] = entry.GrantedUtc,
        ["conversation"] = ConversationKeyOf(entry.GrantedBy),
        ["json"] = JsonSerializer.Serialize(entry, LedgerJson.Options),
    };

    public static string ConversationKeyOf(GrantActor actor) => ConversationKey.Of(actor.Channel, actor.ConversationId);

    public static LedgerEntry Read(BsonDocument document) => JsonSerializer.Deserialize<LedgerEntry>(document["json"].AsString, LedgerJson.Options)!;
}

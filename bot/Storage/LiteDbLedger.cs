using System.Text.Json;
using System.Text.Json.Serialization;
using CustomerCare.Ledger;
using LiteDB;
using JsonSerializer = System.Text.Json.JsonSerializer;

namespace CustomerCare.Bot.Storage;

/// <summary>
/// The compensation ledger in LiteDB. The entitlement key is the document's primary key, so the store itself
/// allows one grant per entitlement; all writes run on the group-commit writer, one after another, and a grant is
/// reported only after its batch is on disk. A refused second attempt is recorded too (the fairness report counts them).
/// </summary>
public sealed class LiteDbLedger : ICompensationLedger
{
    private const string Entries = "ledger";
    private const string Refusals = "ledgerRefusals";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };
    private readonly ILiteCollection<BsonDocument> _entries;
    private readonly ILiteCollection<BsonDocument> _refusals;
    private readonly LiteDbWriter _writer;
    private readonly TimeProvider _clock;

    public LiteDbLedger(LiteDatabase database, LiteDbWriter writer, TimeProvider clock)
    {
        _writer = writer;
        _clock = clock;
        _entries = database.GetCollection(Entries);
        _refusals = database.GetCollection(Refusals, BsonAutoId.Int64);
        _entries.EnsureIndex("booking");
        _entries.EnsureIndex("reference", unique: true);
    }

    public Task<GrantOutcome> TryGrantAsync(GrantRequest request, CancellationToken cancellationToken)
    {
        if (request.Violation() is { } violation)
        {
            return Task.FromResult<GrantOutcome>(new GrantOutcome.Refused(violation));
        }
        var now = _clock.GetUtcNow().UtcDateTime;
        return _writer.WriteAsync<GrantOutcome>(db =>
        {
            var entries = db.GetCollection(Entries);
            if (entries.FindById(request.Key.Id) is { } existing)
            {
                db.GetCollection(Refusals, BsonAutoId.Int64).Insert(new BsonDocument
                {
                    ["entitlement"] = request.Key.Id,
                    ["channel"] = request.Actor.Channel,
                    ["actorKind"] = request.Actor.Kind,
                    ["actorId"] = request.Actor.Id,
                    ["conversation"] = request.Actor.ConversationId,
                    ["attemptedUtc"] = now,
                });
                return new GrantOutcome.AlreadyGranted(Read(existing));
            }
            var entry = new LedgerEntry(LedgerReferences.New(), request.Key, request.Remedies, request.PolicyVersion, request.Actor, now, request.OverrideReason, request.Tier);
            entries.Insert(ToDocument(entry));
            return new GrantOutcome.Granted(entry);
        });
    }

    public Task<LedgerEntry?> FindAsync(EntitlementKey key, CancellationToken cancellationToken)
        => Task.FromResult(_entries.FindById(key.Id) is { } document ? Read(document) : null);

    public Task<IReadOnlyList<LedgerEntry>> ForBookingAsync(string bookingReference, CancellationToken cancellationToken)
    {
        IReadOnlyList<LedgerEntry> entries = _entries.Find(Query.EQ("booking", bookingReference.Trim().ToUpperInvariant()))
            .Select(Read).OrderByDescending(e => e.GrantedUtc).ToList();
        return Task.FromResult(entries);
    }

    public Task<long> RefusedSecondGrantsAsync(CancellationToken cancellationToken) => Task.FromResult(_refusals.LongCount());

    private static BsonDocument ToDocument(LedgerEntry entry) => new()
    {
        ["_id"] = entry.Key.Id,
        ["reference"] = entry.Reference,
        ["booking"] = entry.Key.BookingReference.Trim().ToUpperInvariant(),
        ["passenger"] = entry.Key.PassengerId,
        ["kind"] = entry.Key.Kind.ToString(),
        ["channel"] = entry.GrantedBy.Channel,
        ["actorKind"] = entry.GrantedBy.Kind,
        ["actorId"] = entry.GrantedBy.Id,
        ["tier"] = entry.Tier.ToString(),
        ["grantedUtc"] = entry.GrantedUtc,
        ["json"] = JsonSerializer.Serialize(entry, Json),
    };

    private static LedgerEntry Read(BsonDocument document) => JsonSerializer.Deserialize<LedgerEntry>(document["json"].AsString, Json)!;
}

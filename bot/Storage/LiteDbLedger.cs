using System.Text.Json;
using System.Text.Json.Serialization;
using CustomerCare.Bot.Supervisors;
using CustomerCare.Ledger;
using LiteDB;
using JsonSerializer = System.Text.Json.JsonSerializer;

namespace CustomerCare.Bot.Storage;

/// <summary>
/// The compensation ledger in LiteDB. The entitlement key is the document's primary key, so the store itself
/// allows one grant per entitlement; all writes run on the group-commit writer, one after another, and a grant is
/// reported only after its batch is on disk. A refused second attempt is recorded too (the fairness report counts them).
/// A booking's grants, read on every status question and disruption report, are kept in memory until the next grant
/// commits (one process owns the data file, and every grant goes through here).
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
    private readonly ConversationIndex? _index;
    private readonly ReadThroughCache<IReadOnlyList<LedgerEntry>> _byBooking = new();

    public LiteDbLedger(LiteDatabase database, LiteDbWriter writer, TimeProvider clock, ConversationIndex? index = null)
    {
        _writer = writer;
        _clock = clock;
        _index = index;
        _entries = database.GetCollection(Entries);
        _refusals = database.GetCollection(Refusals, BsonAutoId.Int64);
        _entries.EnsureIndex("booking");
        _entries.EnsureIndex("reference", unique: true);
        _entries.EnsureIndex("conversation");
        _refusals.EnsureIndex("conversation");
    }

    public async Task<GrantOutcome> TryGrantAsync(GrantRequest request, CancellationToken cancellationToken)
    {
        if (request.Violation() is { } violation)
        {
            return new GrantOutcome.Refused(violation);
        }
        try
        {
            return await Grant(request).ConfigureAwait(false);
        }
        finally
        {
            _byBooking.Invalidate();
        }
    }

    private Task<GrantOutcome> Grant(GrantRequest request)
    {
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
                    ["conversation"] = ConversationKeyOf(request.Actor),
                    ["agentName"] = request.Actor.Name,
                    ["attemptedUtc"] = now,
                });
                return new GrantOutcome.AlreadyGranted(Read(existing));
            }
            var entry = new LedgerEntry(LedgerReferences.New(), request.Key, request.Remedies, request.PolicyVersion, request.Actor, now, request.OverrideReason, request.Tier, request.SeverityBand);
            entries.Insert(ToDocument(entry));
            _index?.Change(db, entry.GrantedBy.Channel, entry.GrantedBy.ConversationId, summary => (summary with
            {
                Grants = summary.Grants + 1,
                LastUtc = summary.LastUtc > entry.GrantedUtc ? summary.LastUtc : entry.GrantedUtc,
            }).WithBooking(entry.Key.BookingReference).WithAgent(entry.GrantedBy.Kind == GrantActor.Agent ? entry.GrantedBy.Name : null));
            return new GrantOutcome.Granted(entry);
        });
    }

    public Task<LedgerEntry?> FindAsync(EntitlementKey key, CancellationToken cancellationToken)
        => Task.FromResult(_entries.FindById(key.Id) is { } document ? Read(document) : null);

    public Task<IReadOnlyList<LedgerEntry>> ForBookingAsync(string bookingReference, CancellationToken cancellationToken)
        => Task.FromResult(_byBooking.Get(bookingReference.Trim().ToUpperInvariant(), booking => _entries.Find(Filters.Equal("booking", booking))
            .Select(Read).OrderByDescending(e => e.GrantedUtc).ToList())!);

    /// <summary>Grants made in one conversation (by the bot there, or by an agent for its customer), oldest first.</summary>
    public IReadOnlyList<LedgerEntry> ForConversation(string channelId, string conversationId)
        => _entries.Find(Filters.Equal("conversation", ConversationKey.Of(channelId, conversationId))).Select(Read).OrderBy(e => e.GrantedUtc).ToList();

    /// <summary>Second-grant attempts the ledger refused in one conversation: when, by whom, for which entitlement.</summary>
    public IReadOnlyList<(DateTime AttemptedUtc, string Entitlement, string ActorKind, string? ActorName)> RefusalsInConversation(string channelId, string conversationId)
        => _refusals.Find(Filters.Equal("conversation", ConversationKey.Of(channelId, conversationId)))
            .Select(d => (DateTime.SpecifyKind(d["attemptedUtc"].AsDateTime, DateTimeKind.Utc), d["entitlement"].AsString, d["actorKind"].AsString, d["agentName"].IsNull ? null : d["agentName"].AsString))
            .OrderBy(r => r.Item1).ToList();

    /// <summary>Every grant, for the fairness report.</summary>
    public IEnumerable<LedgerEntry> All() => _entries.FindAll().Select(Read);

    /// <summary>The entitlement of every second-grant attempt refused in [from, to), for the fairness report.</summary>
    public IEnumerable<string> RefusedEntitlements(DateTime fromUtc, DateTime toUtc)
        => _refusals.FindAll().Where(d => d["attemptedUtc"].AsDateTime >= fromUtc && d["attemptedUtc"].AsDateTime < toUtc).Select(d => d["entitlement"].AsString);

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
        ["conversation"] = ConversationKeyOf(entry.GrantedBy),
        ["json"] = JsonSerializer.Serialize(entry, Json),
    };

    private static string ConversationKeyOf(GrantActor actor) => ConversationKey.Of(actor.Channel, actor.ConversationId);

    private static LedgerEntry Read(BsonDocument document) => JsonSerializer.Deserialize<LedgerEntry>(document["json"].AsString, Json)!;
}

using CustomerCare.Builder;
using CustomerCare.Bot.Supervisors;
using CustomerCare.Ledger;
using CustomerCare.Payouts;
using CustomerCare.Remedies;
using LiteDB;
using JsonSerializer = System.Text.Json.JsonSerializer;

namespace CustomerCare.Bot.Storage;

/// <summary>
/// The compensation ledger in LiteDB. Every entitlement a grant uses up is claimed (<see cref="EntitlementClaims"/>)
/// in the same transaction as the grant: one document per passenger identity, keyed by it, lists the entitlements that
/// identity holds and the grant holding each — so a check reads a handful of documents by primary key. A grant whose
/// claims (or whose older key form) another grant already holds is refused with that grant. All writes run on the
/// group-commit writer, one after another, and a grant is reported only after its batch is on disk. A refused second
/// attempt is recorded too (the fairness report counts them). A booking's grants, read on every status question, are
/// kept in memory until the next grant commits (one process owns the data file, and every grant goes through here);
/// whether a journey's entitlements are held is one query through the claims' primary key.
/// </summary>
public sealed class LiteDbLedger : ICompensationLedger, ILedgerHistory
{
    internal const string Entries = "ledger";
    private const string Claims = "entitlements";
    private const string Refusals = "ledgerRefusals";
    private const string Format = "ledgerFormat";
    private const string ClaimsOnly = "entitlement claims only";
    private readonly ILiteCollection<BsonDocument> _entries;
    private readonly ILiteCollection<BsonDocument> _claims;
    private readonly ILiteCollection<BsonDocument> _refusals;
    private readonly LiteDbWriter _writer;
    private readonly TimeProvider _clock;
    private readonly ConversationIndex? _index;
    private readonly ReadThroughCache<IReadOnlyList<LedgerEntry>> _byBooking = new();

    private readonly Func<string> _newReference;
    private readonly bool _olderKeysPossible;

    /// <param name="newReference">Where grant references come from (tests choose colliding ones); <see cref="LedgerReferences.New"/> by default.</param>
    public LiteDbLedger(LiteDatabase database, LiteDbWriter writer, TimeProvider clock, ConversationIndex? index = null, Func<string>? newReference = null)
    {
        _newReference = newReference ?? LedgerReferences.New;
        _writer = writer;
        _clock = clock;
        _index = index;
        _entries = database.GetCollection(Entries);
        _claims = database.GetCollection(Claims);
        _refusals = database.GetCollection(Refusals, BsonAutoId.Int64);
        _entries.EnsureIndex("booking");
        _entries.EnsureIndex("reference", unique: true);
        _entries.EnsureIndex("conversation");
        _refusals.EnsureIndex("conversation");
        _olderKeysPossible = !HasOnlyEntitlementClaims(database, _entries);
    }

    /// <summary>
    /// A data file whose ledger began with entitlement claims is marked so, and never holds grants under the older keys:
    /// there the older keys need not be looked up. A file from before keeps looking them up.
    /// </summary>
    private static bool HasOnlyEntitlementClaims(LiteDatabase database, ILiteCollection<BsonDocument> entries)
    {
        var format = database.GetCollection(Format);
        if (format.FindById(ClaimsOnly) is not null)
        {
            return true;
        }
        if (entries.Count() > 0)
        {
            return false;
        }
        format.Upsert(new BsonDocument { ["_id"] = ClaimsOnly });
        return true;
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
        var claims = request.Claims;
        IReadOnlyList<string> legacy = _olderKeysPossible ? EntitlementClaims.LegacyKeys(request.Who, request.Family) : [];
        return _writer.WriteAsync<GrantOutcome>(db =>
        {
            var entries = db.GetCollection(Entries);
            var claimed = db.GetCollection(Claims);
            if (request.Approval is { } approval && LiteDbApprovalStore.WhyNotGrantable(db, approval.ApprovalId) is { } refusal)
            {
                return new GrantOutcome.Refused(refusal);
            }
            if (legacy.Count > 0 && entries.Find(Filters.In("_id", legacy)).FirstOrDefault() is { } older)
            {
                return Refuse(db, request, older["_id"].AsString, LedgerDocuments.Read(older), now);
            }
            var identities = Identities(claimed, claims);
            foreach (var claim in claims)
            {
                if (HolderOf(identities, claim) is { } holder)
                {
                    return Refuse(db, request, claim.Id, LedgerDocuments.Read(entries.FindOne(Filters.Equal("reference", holder))), now);
                }
            }
            var entry = new LedgerEntry(UnusedReference(entries), request.Subject, request.Remedies, request.PolicyVersion, request.Actor, now,
                request.OverrideReason, request.Tier, request.SeverityBand)
            {
                UsesUp = request.UsesUp,
                Approval = request.Approval,
                Choice = request.Choice,
                Receipts = request.Receipts,
            };
            if (request.Approval is { } approved)
            {
                LiteDbApprovalStore.Decide(db, approved.ApprovalId, r => r with { Status = ApprovalStatus.Approved, DecidedBy = request.Actor, DecidedUtc = now, GrantReference = entry.Reference });
            }
            entries.Insert(LedgerDocuments.ToDocument(entry));
            ReceiptUploads.Keep(db, entry);
            // What finance is to pay, in the grant's own transaction: a grant is never without its instruction.
            if (PayoutInstruction.For(entry) is { } payout)
            {
                LiteDbPayoutStore.Add(db, payout);
            }
            foreach (var identity in claims.GroupBy(c => c.Identity))
            {
                var document = identities.GetValueOrDefault(identity.Key) ?? new BsonDocument { ["_id"] = identity.Key, ["held"] = new BsonArray() };
                foreach (var claim in identity)
                {
                    document["held"].AsArray.Add(new BsonDocument
                    {
                        ["e"] = claim.Entitlement,
                        ["r"] = entry.Reference,
                        ["t"] = claim.TicketNumber,
                        ["d"] = StoredDays.Of(claim.JourneyDate),
                    });
                }
                claimed.Upsert(document);
            }
            _index?.Change(db, entry.GrantedBy.Channel, entry.GrantedBy.ConversationId, summary => summary.WithGrant(entry));
            return new GrantOutcome.Granted(entry);
        });
    }

    private static GrantOutcome.AlreadyGranted Refuse(LiteDatabase db, GrantRequest request, string entitlement, LedgerEntry existing, DateTime now)
    {
        if (request.Approval is { } approval)
        {
            // Approved, but someone granted the journey meanwhile: the request is closed with what holds it.
            LiteDbApprovalStore.Decide(db, approval.ApprovalId, r => r with { Status = ApprovalStatus.Approved, DecidedBy = request.Actor, DecidedUtc = now, Note = "already granted as " + existing.Reference });
        }
        db.GetCollection(Refusals, BsonAutoId.Int64).Insert(new BsonDocument
        {
            ["entitlement"] = entitlement,
            ["reference"] = existing.Reference,
            ["channel"] = request.Actor.Channel,
            ["actorKind"] = request.Actor.Kind.ToString(),
            ["actorId"] = request.Actor.Id,
            ["conversation"] = LedgerDocuments.ConversationKeyOf(request.Actor),
            ["agentName"] = request.Actor.Name,
            ["attemptedUtc"] = now,
        });
        return new GrantOutcome.AlreadyGranted(existing);
    }

    /// <summary>A reference no grant has (references are random, and a million grants make a repeat likely), checked inside the write.</summary>
    private string UnusedReference(ILiteCollection<BsonDocument> entries)
    {
        var reference = _newReference();
        while (entries.Exists(Filters.Equal("reference", reference)))
        {
            reference = _newReference();
        }
        return reference;
    }

    public Task<IReadOnlyDictionary<RemedyKind, LedgerEntry>> HoldersAsync(PassengerJourney who, IReadOnlyCollection<RemedyKind> kinds, DisruptionFamily family, CancellationToken cancellationToken)
    {
        var held = new Dictionary<RemedyKind, LedgerEntry>();
        // Grants recorded before entitlements followed the journey, under their older keys.
        foreach (var older in !_olderKeysPossible ? [] : _entries.Find(Filters.In("_id", EntitlementClaims.LegacyKeys(who, family))).Select(LedgerDocuments.Read))
        {
            foreach (var kind in EntitlementClaims.HeldBy(older).Intersect(kinds))
            {
                held.TryAdd(kind, older);
            }
        }
        var claims = EntitlementClaims.For(who, kinds, family);
        var identities = Identities(_claims, claims);
        var references = new Dictionary<RemedyKind, string>();
        foreach (var claim in claims)
        {
            if (!held.ContainsKey(claim.Kind) && HolderOf(identities, claim) is { } holder)
            {
                references.TryAdd(claim.Kind, holder);
            }
        }
        if (references.Count > 0)
        {
            var entries = _entries.Find(Filters.In("reference", references.Values.Distinct())).Select(LedgerDocuments.Read).ToDictionary(e => e.Reference, StringComparer.Ordinal);
            foreach (var (kind, reference) in references)
            {
                held[kind] = entries[reference];
            }
        }
        return Task.FromResult<IReadOnlyDictionary<RemedyKind, LedgerEntry>>(held);
    }

    public Task<IReadOnlyList<LedgerEntry>> ForBookingAsync(string bookingReference, CancellationToken cancellationToken)
        => Task.FromResult(Booking(bookingReference));

    private IReadOnlyList<LedgerEntry> Booking(string bookingReference)
        => _byBooking.Get(bookingReference.Trim().ToUpperInvariant(), booking => _entries.Find(Filters.Equal("booking", booking))
            .Select(LedgerDocuments.Read).OrderByDescending(e => e.GrantedUtc).ToList())!;

    /// <summary>The stored documents of these claims' identities: one query through the primary key.</summary>
    private static Dictionary<string, BsonDocument> Identities(ILiteCollection<BsonDocument> claimed, IEnumerable<EntitlementClaim> claims)
        => claimed.Find(Filters.In("_id", claims.Select(c => c.Identity).Distinct())).ToDictionary(d => d["_id"].AsString, StringComparer.Ordinal);

    /// <summary>The reference of the grant that holds this claim's entitlement for the same passenger, if any.</summary>
    private static string? HolderOf(Dictionary<string, BsonDocument> identities, EntitlementClaim claim)
        => identities.GetValueOrDefault(claim.Identity)?["held"].AsArray
            .FirstOrDefault(h => h["e"].AsString == claim.Entitlement && claim.HeldBy(NullableString(h["t"]), StoredDays.Read(h["d"])))?["r"].AsString;

    public Task<IReadOnlyList<LedgerEntry>> ForConversationAsync(string channelId, string conversationId, CancellationToken cancellationToken)
        => Task.FromResult<IReadOnlyList<LedgerEntry>>(_entries.Find(Filters.Equal("conversation", ConversationKey.Of(channelId, conversationId))).Select(LedgerDocuments.Read).OrderBy(e => e.GrantedUtc).ToList());

    public Task<IReadOnlyList<LedgerRefusal>> RefusalsInConversationAsync(string channelId, string conversationId, CancellationToken cancellationToken)
        => Task.FromResult<IReadOnlyList<LedgerRefusal>>(_refusals.Find(Filters.Equal("conversation", ConversationKey.Of(channelId, conversationId)))
            .Select(d => new LedgerRefusal(DateTime.SpecifyKind(d["attemptedUtc"].AsDateTime, DateTimeKind.Utc), d["entitlement"].AsString,
                Enum.Parse<ActorKind>(d["actorKind"].AsString, ignoreCase: true), NullableString(d["agentName"])))
            .OrderBy(r => r.AttemptedUtc).ToList());

    public Task<IReadOnlyList<LedgerEntry>> GrantedAsync(DateTime fromUtc, DateTime toUtc, CancellationToken cancellationToken)
        => Task.FromResult<IReadOnlyList<LedgerEntry>>(_entries.FindAll().Select(LedgerDocuments.Read).Where(e => e.GrantedUtc >= fromUtc && e.GrantedUtc < toUtc).ToList());

    public Task<IReadOnlyList<string>> RefusedGrantReferencesAsync(DateTime fromUtc, DateTime toUtc, CancellationToken cancellationToken)
        => Task.FromResult<IReadOnlyList<string>>(_refusals.FindAll().Where(d => d["attemptedUtc"].AsDateTime >= fromUtc && d["attemptedUtc"].AsDateTime < toUtc)
            .Select(d => NullableString(d["reference"]) ?? NullableString(_entries.FindById(d["entitlement"])?["reference"]))
            .OfType<string>().ToList());

    /// <summary>Everything this ledger holds, to carry it over to another store.</summary>
    public CarriedLedger Export()
    {
        var claims = _claims.FindAll()
            .SelectMany(d => d["held"].AsArray.Select(h => (Reference: h["r"].AsString,
                Claim: new StoredClaim(h["e"].AsString, d["_id"].AsString, NullableString(h["t"]), StoredDays.Read(h["d"])))))
            .ToLookup(c => c.Reference, c => c.Claim, StringComparer.Ordinal);
        var grants = _entries.FindAll().Select(d =>
        {
            var entry = LedgerDocuments.Read(d);
            var id = d["_id"].AsString;
            return new CarriedGrant(entry, claims[entry.Reference].ToList(), id == entry.Reference ? null : id);
        }).ToList();
        // Older refusals name the key of the grant they met (its older key, or its reference) instead of the reference.
        var references = grants.ToDictionary(g => g.OlderKey ?? g.Entry.Reference, g => g.Entry.Reference, StringComparer.Ordinal);
        var refusals = _refusals.FindAll()
            .Select(d => (Document: d, Reference: NullableString(d["reference"]) ?? references.GetValueOrDefault(d["entitlement"].AsString)))
            .Where(r => r.Reference is not null)
            .Select(r => new RefusedAttempt(r.Document["entitlement"].AsString, r.Reference!, r.Document["channel"].AsString,
                Enum.Parse<ActorKind>(r.Document["actorKind"].AsString, ignoreCase: true), r.Document["actorId"].AsString, r.Document["conversation"].AsString,
                NullableString(r.Document["agentName"]), DateTime.SpecifyKind(r.Document["attemptedUtc"].AsDateTime, DateTimeKind.Utc)))
            .ToList();
        return new CarriedLedger(grants, refusals);
    }

    public Task<long> RefusedSecondGrantsAsync(CancellationToken cancellationToken) => Task.FromResult(_refusals.LongCount());

    /// <summary>A grant's entries changed outside a grant (pseudonymised): what was kept of bookings' grants is read again.</summary>
    internal void Forget() => _byBooking.Invalidate();

    private static string? NullableString(BsonValue? value) => value is null || value.IsNull ? null : value.AsString;
}

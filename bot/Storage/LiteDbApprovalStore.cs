using CustomerCare.Ledger;
using LiteDB;
using JsonSerializer = System.Text.Json.JsonSerializer;

namespace CustomerCare.Bot.Storage;

/// <summary>
/// Approval requests in LiteDB, keyed by their reference. Requesting and deciding run on the group-commit writer, one
/// after another, so a request is decided exactly once however many supervisors click at the same moment.
/// </summary>
public sealed class LiteDbApprovalStore : IApprovalStore
{
    private const string CollectionName = "approvals";
    private readonly ILiteCollection<BsonDocument> _approvals;
    private readonly LiteDbWriter _writer;

    public LiteDbApprovalStore(LiteDatabase database, LiteDbWriter writer)
    {
        _writer = writer;
        _approvals = database.GetCollection(CollectionName);
        _approvals.EnsureIndex("status");
        _approvals.EnsureIndex("decidedUtc");
    }

    public Task<ApprovalRequest> RequestAsync(ApprovalRequest request, IReadOnlyCollection<EntitlementClaim> claims, CancellationToken cancellationToken)
        => _writer.WriteAsync(db =>
        {
            var approvals = db.GetCollection(CollectionName);
            // One pending request per passenger's entitlement: asking again returns the request already waiting (another
            // passenger of the same name, told apart by ticket, gets a request of their own).
            foreach (var pending in approvals.Find(Filters.Equal("status", nameof(ApprovalStatus.Pending))))
            {
                if (pending["claims"].AsArray.Any(stored => claims.Any(c => c.Id == stored["id"].AsString && c.HeldBy(CaseDocuments.NullableString(stored["t"]), StoredDays.Read(stored["d"])))))
                {
                    return Read(pending);
                }
            }
            // References are random: a repeat gets a fresh one rather than failing the batch it is written in.
            while (approvals.FindById(request.Id) is not null)
            {
                request = request with { Id = ApprovalReferences.New() };
            }
            approvals.Insert(ToDocument(request, new BsonArray(claims.Select(c => new BsonDocument
            {
                ["id"] = c.Id,
                ["t"] = c.TicketNumber,
                ["d"] = StoredDays.Of(c.JourneyDate),
            }))));
            return request;
        });

    public Task<ApprovalRequest?> FindAsync(string id, CancellationToken cancellationToken)
        => Task.FromResult(_approvals.FindById(id) is { } document ? Read(document) : null);

    /// <summary>
    /// Every pending request, oldest first, then the newest decided ones — each through its index, so the page reads
    /// what it shows however many requests were decided over the years.
    /// </summary>
    public Task<IReadOnlyList<ApprovalRequest>> ListAsync(int decidedToShow, CancellationToken cancellationToken)
    {
        var pending = _approvals.Find(Filters.Equal("status", nameof(ApprovalStatus.Pending))).Select(Read).OrderBy(a => a.RequestedUtc);
        var decided = _approvals.Query().Where(Filters.After("decidedUtc", DateTime.MinValue)).OrderByDescending("decidedUtc").Limit(decidedToShow).ToEnumerable().Select(Read);
        return Task.FromResult<IReadOnlyList<ApprovalRequest>>(pending.Concat(decided).ToList());
    }

    public Task<ApprovalTransition> TryDeclineAsync(string id, GrantActor supervisor, DateTime atUtc, string? note, CancellationToken cancellationToken)
        => _writer.WriteAsync(db => Decide(db, id, request => request with { Status = ApprovalStatus.Declined, DecidedBy = supervisor, DecidedUtc = atUtc, Note = note }));

    /// <summary>Inside a write transaction: an approval is granted only while its request is pending (null), else why not.</summary>
    internal static GrantRefusal? WhyNotGrantable(LiteDatabase db, string id)
        => db.GetCollection(CollectionName).FindById(id) switch
        {
            null => GrantRefusal.ApprovalNotFound,
            var document when document["status"].AsString != nameof(ApprovalStatus.Pending) => GrantRefusal.AlreadyDecided,
            _ => null,
        };

    /// <summary>
    /// Inside a write transaction (the ledger's, when an approval is granted): moves the request from pending as
    /// <paramref name="decide"/> says; a request that is not pending is left as it is.
    /// </summary>
    internal static ApprovalTransition Decide(LiteDatabase db, string id, Func<ApprovalRequest, ApprovalRequest> decide)
    {
        var approvals = db.GetCollection(CollectionName);
        if (approvals.FindById(id) is not { } document)
        {
            return new ApprovalTransition.NotFound();
        }
        var request = Read(document);
        if (request.Status != ApprovalStatus.Pending)
        {
            return new ApprovalTransition.AlreadyDecided(request);
        }
        var decided = decide(request);
        approvals.Update(ToDocument(decided, document["claims"].AsArray));
        return new ApprovalTransition.Decided(decided);
    }

    private static BsonDocument ToDocument(ApprovalRequest request, BsonArray claims) => new()
    {
        ["_id"] = request.Id,
        ["status"] = request.Status.ToString(),
        ["decidedUtc"] = request.DecidedUtc is { } decided ? decided : BsonValue.Null,
        ["claims"] = claims,
        ["json"] = JsonSerializer.Serialize(request, LedgerJson.Options),
    };

    private static ApprovalRequest Read(BsonDocument document) => JsonSerializer.Deserialize<ApprovalRequest>(document["json"].AsString, LedgerJson.Options)!;
}

using CustomerCare.Payouts;
using LiteDB;
using JsonSerializer = System.Text.Json.JsonSerializer;

namespace CustomerCare.Bot.Storage;

/// <summary>
/// The payout outbox in the data file: one document per grant reference with its state as JSON, the status and the
/// time of its next try. The ledger adds an instruction in its grant's transaction (<see cref="Add"/>); every other
/// change goes through the one writer.
/// </summary>
public sealed class LiteDbPayoutStore : IPayoutStore
{
    private const string CollectionName = "payouts";
    private const string FilesCollectionName = "sepaFiles";
    private readonly LiteDatabase _database;
    private readonly LiteDbWriter _writer;

    public LiteDbPayoutStore(LiteDatabase database, LiteDbWriter writer)
    {
        _database = database;
        _writer = writer;
        var payouts = database.GetCollection(CollectionName);
        payouts.EnsureIndex("status");
        payouts.EnsureIndex("granted");
        payouts.EnsureIndex("batch");
        payouts.EnsureIndex("untold");
    }

    /// <summary>Adds a grant's instruction, inside the grant's own write.</summary>
    internal static void Add(LiteDatabase db, PayoutInstruction instruction)
        => db.GetCollection(CollectionName).Insert(ToDocument(new PayoutState(instruction, PayoutStatus.Waiting, 0, instruction.GrantedUtc), DateTime.MinValue));

    /// <summary>A grant's instruction, inside a write; null for a grant without one.</summary>
    internal static PayoutState? Find(LiteDatabase db, string reference)
        => db.GetCollection(CollectionName).FindById(reference) is { } document ? Read(document) : null;

    /// <summary>Replaces an instruction's state inside a write (pseudonymised), keeping its lease.</summary>
    internal static void Replace(LiteDatabase db, PayoutState state)
    {
        var payouts = db.GetCollection(CollectionName);
        var lease = payouts.FindById(state.Reference)?["lease"] is { IsDateTime: true } kept ? kept.AsDateTime : DateTime.MinValue;
        payouts.Update(ToDocument(state, lease));
    }

    /// <summary>Every instruction in the data file, as it stands (for a move to PostgreSQL).</summary>
    public IReadOnlyList<PayoutState> Export() => _database.GetCollection(CollectionName).FindAll().Select(Read).ToList();

    public Task<PayoutState?> FindAsync(string reference, CancellationToken cancellationToken)
        => Task.FromResult(_database.GetCollection(CollectionName).FindById(reference) is { } document ? Read(document) : null);

    public Task<IReadOnlyList<PayoutState>> TakeDueAsync(DateTime now, TimeSpan lease, int max, CancellationToken cancellationToken)
        => _writer.WriteAsync<IReadOnlyList<PayoutState>>(db =>
        {
            var payouts = db.GetCollection(CollectionName);
            var due = payouts.Find(Query.And(Query.EQ("status", nameof(PayoutStatus.Waiting)), Query.LTE("next", now), Query.LTE("lease", now)), limit: max).ToList();
            foreach (var document in due)
            {
                document["lease"] = now + lease;
                payouts.Update(document);
            }
            return due.Select(Read).ToList();
        }, synced: false);

    public Task<PayoutState?> RecordDeliveryAsync(string reference, DeliveryResult result, DateTime now, PayoutRetryPolicy retries, CancellationToken cancellationToken)
        => Change(reference, state => state.After(result, now, retries));

    public Task<PayoutReportOutcome> ReportAsync(string reference, FinanceReport report, DateTime now, CancellationToken cancellationToken)
        => _writer.WriteAsync<PayoutReportOutcome>(db =>
        {
            var payouts = db.GetCollection(CollectionName);
            if (payouts.FindById(reference) is not { } document)
            {
                return new PayoutReportOutcome.Unknown();
            }
            var outcome = Read(document).Apply(report, now);
            if (outcome is PayoutReportOutcome.Recorded recorded)
            {
                payouts.Update(ToDocument(recorded.State, DateTime.MinValue));
            }
            return outcome;
        });

    public Task<PayoutState?> RetryAsync(string reference, DateTime now, CancellationToken cancellationToken)
        => Change(reference, state => state.Retried(now));

    public Task<AccountChange> ChangeAccountAsync(string reference, BankAccount account, DateTime now, CancellationToken cancellationToken)
        => _writer.WriteAsync<AccountChange>(db =>
        {
            var payouts = db.GetCollection(CollectionName);
            // A leased instruction is being delivered right now: what finance gets must be what is recorded.
            if (payouts.FindById(reference) is not { } document || document["lease"].AsDateTime.ToUniversalTime() > now)
            {
                return new AccountChange.Unknown();
            }
            var outcome = Read(document).ChangeAccount(account, now);
            if (outcome is AccountChange.Changed changed)
            {
                payouts.Update(ToDocument(changed.State, DateTime.MinValue));
            }
            return outcome;
        });

    public Task<IReadOnlyList<PayoutState>> HandOverAsync(string batch, DateTime now, int max, Func<IReadOnlyList<PayoutState>, byte[]> write, CancellationToken cancellationToken)
        => _writer.WriteAsync<IReadOnlyList<PayoutState>>(db =>
        {
            var payouts = db.GetCollection(CollectionName);
            var handed = payouts.Query().Where(Query.And(Query.EQ("status", nameof(PayoutStatus.Waiting)), Query.LTE("lease", now))).OrderBy("granted").ToEnumerable()
                .Select(Read).Where(p => p.GoesInSepaFile).Take(Math.Max(0, max)).Select(p => p.HandedOver(batch, now)).ToList();
            if (handed.Count == 0)
            {
                return handed;
            }
            // Written first: a writer that throws leaves everything waiting.
            var content = write(handed);
            foreach (var state in handed)
            {
                payouts.Update(ToDocument(state, DateTime.MinValue));
            }
            db.GetCollection(FilesCollectionName).Insert(new BsonDocument
            {
                ["_id"] = batch,
                ["created"] = now,
                ["transfers"] = handed.Count,
                ["content"] = content,
            });
            return handed;
        });

    public Task<SepaFile?> SepaFileAsync(string batch, CancellationToken cancellationToken)
        => Task.FromResult(_database.GetCollection(FilesCollectionName).FindById(batch) is { } file
            ? new SepaFile(batch, DateTime.SpecifyKind(file["created"].AsDateTime.ToUniversalTime(), DateTimeKind.Utc), file["transfers"].AsInt32, file["content"].AsBinary)
            : null);

    public Task<bool> TryRecordCodeAsync(IReadOnlyList<string> references, DateTime now, int maxPerDay, CancellationToken cancellationToken)
        => _writer.WriteAsync(db =>
        {
            var payouts = db.GetCollection(CollectionName);
            var documents = references.Distinct(StringComparer.Ordinal).Select(r => payouts.FindById(r)).ToList();
            if (documents.Any(d => d is null) || documents.Any(d => !Read(d!).MayHaveCodeSent(now, maxPerDay)))
            {
                return false;
            }
            foreach (var document in documents)
            {
                var changed = Read(document!).WithCodeSent(now);
                // Keeps the lease: a code is no delivery.
                payouts.Update(ToDocument(changed, document!["lease"].AsDateTime));
            }
            return true;
        });

    public Task<IReadOnlyList<PayoutState>> UntoldRejectionsAsync(int max, CancellationToken cancellationToken)
        => Task.FromResult<IReadOnlyList<PayoutState>>(_database.GetCollection(CollectionName).Find(Query.EQ("untold", true), limit: Math.Max(0, max)).Select(Read).ToList());

    public Task<PayoutState?> RecordCustomerToldAsync(string reference, DateTime now, bool reached, CancellationToken cancellationToken)
        => Change(reference, state => state.Told(now, reached));

    public Task<IReadOnlyList<PayoutState>> ListAsync(IReadOnlyCollection<PayoutStatus> statuses, int limit, CancellationToken cancellationToken)
        => Task.FromResult<IReadOnlyList<PayoutState>>(_database.GetCollection(CollectionName)
            .Query().Where(Query.In("status", statuses.Select(s => new BsonValue(s.ToString())).ToArray())).OrderBy("granted").Limit(Math.Max(0, limit))
            .ToEnumerable().Select(Read).ToList());

    private Task<PayoutState?> Change(string reference, Func<PayoutState, PayoutState> change)
        => _writer.WriteAsync(db =>
        {
            var payouts = db.GetCollection(CollectionName);
            if (payouts.FindById(reference) is not { } document)
            {
                return null;
            }
            var changed = change(Read(document));
            payouts.Update(ToDocument(changed, DateTime.MinValue));
            return (PayoutState?)changed;
        });

    private static BsonDocument ToDocument(PayoutState state, DateTime leaseUntil) => new()
    {
        ["_id"] = state.Reference,
        ["status"] = state.Status.ToString(),
        ["next"] = state.NextAttemptUtc,
        ["lease"] = leaseUntil,
        ["granted"] = state.Instruction.GrantedUtc,
        ["untold"] = state.CustomerToBeTold,
        ["batch"] = state.Batch is { } batch ? new BsonValue(batch) : BsonValue.Null,
        ["json"] = JsonSerializer.Serialize(state, LedgerJson.Options),
    };

    private static PayoutState Read(BsonDocument document) => JsonSerializer.Deserialize<PayoutState>(document["json"].AsString, LedgerJson.Options)!;
}

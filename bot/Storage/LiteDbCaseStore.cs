using CustomerCare.Cases;
using LiteDB;

namespace CustomerCare.Bot.Storage;

/// <summary>Open cases in LiteDB, keyed by their reference.</summary>
public sealed class LiteDbCaseStore : ICaseStore
{
    private const string CollectionName = "cases";
    private readonly ILiteCollection<BsonDocument> _cases;
    private readonly LiteDbWriter _writer;

    public LiteDbCaseStore(LiteDatabase database, LiteDbWriter writer)
    {
        _writer = writer;
        _cases = database.GetCollection(CollectionName);
        _cases.EnsureIndex("status");
    }

    public Task OpenAsync(CaseFile caseFile, CancellationToken cancellationToken)
        => _writer.WriteAsync(db => db.GetCollection(CollectionName).Insert(new BsonDocument
        {
            ["_id"] = caseFile.Reference,
            ["status"] = "open",
            ["reason"] = caseFile.Reason.ToString(),
            ["channelId"] = caseFile.ChannelId,
            ["conversationId"] = caseFile.ConversationId,
            ["customerId"] = caseFile.CustomerId,
            ["locale"] = caseFile.Locale,
            ["openedUtc"] = caseFile.OpenedUtc,
            ["disruptionKind"] = caseFile.DisruptionKind,
            ["bookingReference"] = caseFile.BookingReference,
            ["lastName"] = caseFile.LastName,
            ["flightNumber"] = caseFile.FlightNumber,
            ["summary"] = caseFile.Summary,
        }));

    public Task<CaseFile?> FindAsync(string reference, CancellationToken cancellationToken)
        => Task.FromResult(_cases.FindById(reference) is { } document ? ToCase(document) : null);

    public Task<CaseClaim> TryTakeAsync(string reference, string agentId, string agentName, CancellationToken cancellationToken)
        => _writer.WriteAsync(db =>
        {
            var cases = db.GetCollection(CollectionName);
            if (cases.FindById(reference) is not { } document)
            {
                return CaseClaim.Missing;
            }
            if (document["status"].AsString == "open")
            {
                document["status"] = "taken";
                document["agentId"] = agentId;
                document["agentName"] = agentName;
                cases.Update(document);
                return new CaseClaim(true, true, agentId, agentName);
            }
            var holder = document["agentId"].AsString;
            return new CaseClaim(true, holder == agentId, holder, document["agentName"].AsString);
        });

    public Task<IReadOnlyList<CaseFile>> ListOpenAsync(CancellationToken cancellationToken)
    {
        IReadOnlyList<CaseFile> open = _cases.Find(Query.EQ("status", "open")).Select(ToCase).ToList();
        return Task.FromResult(open);
    }

    private static CaseFile ToCase(BsonDocument d) => new(
        d["_id"].AsString,
        Enum.Parse<CaseReason>(d["reason"].AsString),
        d["channelId"].AsString,
        d["conversationId"].AsString,
        NullableString(d["customerId"]),
        d["locale"].AsString,
        DateTime.SpecifyKind(d["openedUtc"].AsDateTime, DateTimeKind.Utc),
        NullableString(d["disruptionKind"]),
        NullableString(d["bookingReference"]),
        NullableString(d["lastName"]),
        NullableString(d["flightNumber"]),
        NullableString(d["summary"]));

    private static string? NullableString(BsonValue value) => value.IsNull ? null : value.AsString;
}

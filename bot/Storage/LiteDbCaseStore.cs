using CustomerCare.Cases;
using LiteDB;

namespace CustomerCare.Bot.Storage;

/// <summary>Open cases in LiteDB, keyed by their reference.</summary>
public sealed class LiteDbCaseStore : ICaseStore
{
    private readonly ILiteCollection<BsonDocument> _cases;

    public LiteDbCaseStore(LiteDatabase database)
    {
        _cases = database.GetCollection("cases");
        _cases.EnsureIndex("status");
    }

    public Task OpenAsync(CaseFile caseFile, CancellationToken cancellationToken)
    {
        _cases.Insert(new BsonDocument
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
        });
        return Task.CompletedTask;
    }

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
        NullableString(d["lastName"]));

    private static string? NullableString(BsonValue value) => value.IsNull ? null : value.AsString;
}

using CustomerCare.Cases;
using LiteDB;

namespace CustomerCare.Bot.Storage;

/// <summary>How a case is kept in LiteDB: its file, status (in lower case, as older data files have it), holder, thread, notes and handovers.</summary>
internal static class CaseDocuments
{
    public static string Name(CaseStatus status) => status.ToString().ToLowerInvariant();

    public static CaseStatus StatusOf(BsonDocument d) => Enum.Parse<CaseStatus>(d["status"].AsString, ignoreCase: true);

    public static BsonDocument ToDocument(CaseFile caseFile) => new()
    {
        ["_id"] = caseFile.Reference,
        ["status"] = Name(CaseStatus.Open),
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
        ["customerServiceUrl"] = caseFile.CustomerServiceUrl,
        ["customerBotId"] = caseFile.CustomerBotId,
        ["passengerId"] = caseFile.PassengerId,
        ["journeyDate"] = StoredDays.Of(caseFile.JourneyDate),
        ["bagFileReference"] = caseFile.BagFileReference,
    };

    public static CaseFile ToCase(BsonDocument d) => new(
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
        NullableString(d["summary"]),
        NullableString(d["customerServiceUrl"]),
        NullableString(d["customerBotId"]),
        NullableString(d["passengerId"]),
        StoredDays.Read(d["journeyDate"]))
    {
        BagFileReference = NullableString(d["bagFileReference"]),
    };

    public static HeldCase Held(BsonDocument d) => new(ToCase(d), StatusOf(d), NullableString(d["agentId"]), NullableString(d["agentName"]),
        NullableString(d["agentThreadId"]) is { } thread
            ? new AgentThread(thread, NullableString(d["agentServiceUrl"]) ?? string.Empty, NullableString(d["agentBotId"]) ?? string.Empty, NullableString(d["agentCardActivityId"]))
            : null,
        d["rating"].IsNull ? null : d["rating"].AsInt32);

    public static CaseHistory History(BsonDocument d) => new(
        ToCase(d),
        StatusOf(d),
        NullableString(d["agentId"]),
        NullableString(d["agentName"]),
        NullableTime(d["takenUtc"]),
        NullableTime(d["endedUtc"]),
        d["rating"].IsNull ? null : d["rating"].AsInt32,
        d["notes"].IsArray ? d["notes"].AsArray.Select(n => new CaseNote(n["author"].AsString, n["text"].AsString, NullableTime(n["atUtc"]) ?? DateTime.MinValue)).ToList() : [],
        !d["callbackEmail"].IsNull)
    {
        Handovers = d["handovers"].IsArray
            ? d["handovers"].AsArray.Select(h => new CaseHandover(NullableString(h["fromId"]) ?? string.Empty, NullableString(h["fromName"]), h["toId"].AsString, h["toName"].AsString,
                NullableTime(h["atUtc"]) ?? DateTime.MinValue)).ToList()
            : [],
        CallbackEmail = NullableString(d["callbackEmail"]),
    };

    public static string? NullableString(BsonValue value) => value.IsNull ? null : value.AsString;

    private static DateTime? NullableTime(BsonValue value) => value.IsDateTime ? DateTime.SpecifyKind(value.AsDateTime, DateTimeKind.Utc) : null;
}

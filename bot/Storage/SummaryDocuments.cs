using CustomerCare.Bot.Supervisors;
using LiteDB;

namespace CustomerCare.Bot.Storage;

/// <summary>How a conversation's summary is kept in the data file: one document per conversation, keyed by the conversation.</summary>
internal static class SummaryDocuments
{
    public static BsonDocument ToDocument(ConversationSummary summary) => new()
    {
        ["_id"] = summary.Key,
        ["channelId"] = summary.ChannelId,
        ["conversationId"] = summary.ConversationId,
        ["firstUtc"] = summary.FirstUtc,
        ["lastUtc"] = summary.LastUtc,
        ["activities"] = summary.Activities,
        ["locale"] = summary.Locale,
        ["customerId"] = summary.CustomerId,
        ["customerName"] = summary.CustomerName,
        ["preview"] = summary.Preview,
        ["bookings"] = new BsonArray(summary.Bookings.Select(b => new BsonValue(b))),
        ["agents"] = new BsonArray(summary.Agents.Select(a => new BsonValue(a))),
        ["caseReference"] = summary.CaseReference,
        ["handedOff"] = summary.HandedOff,
        ["grants"] = summary.Grants,
        ["rating"] = summary.Rating,
        ["reviewScore"] = summary.ReviewScore,
        ["agentsThread"] = summary.AgentsThread,
    };

    public static ConversationSummary FromDocument(BsonDocument d) => new(d["channelId"].AsString, d["conversationId"].AsString)
    {
        FirstUtc = Utc(d["firstUtc"]),
        LastUtc = Utc(d["lastUtc"]),
        Activities = d["activities"].AsInt32,
        Locale = Text(d["locale"]),
        CustomerId = Text(d["customerId"]),
        CustomerName = Text(d["customerName"]),
        Preview = Text(d["preview"]),
        Bookings = d["bookings"].AsArray.Select(v => v.AsString).ToList(),
        Agents = d["agents"].AsArray.Select(v => v.AsString).ToList(),
        CaseReference = Text(d["caseReference"]),
        HandedOff = d["handedOff"].AsBoolean,
        Grants = d["grants"].AsInt32,
        Rating = d["rating"].IsNull ? null : d["rating"].AsInt32,
        ReviewScore = d["reviewScore"].IsNull ? null : d["reviewScore"].AsInt32,
        AgentsThread = d["agentsThread"].IsBoolean && d["agentsThread"].AsBoolean,
    };

    private static string? Text(BsonValue value) => value.IsNull ? null : value.AsString;

    private static DateTime Utc(BsonValue value) => DateTime.SpecifyKind(value.AsDateTime, DateTimeKind.Utc);
}

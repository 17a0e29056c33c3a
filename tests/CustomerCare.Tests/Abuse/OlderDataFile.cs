using CustomerCare.Bot.Storage;
using LiteDB;

namespace CustomerCare.Tests.Abuse;

/// <summary>A data file from before entitlements followed the journey, holding one grant in the form of then: DEMO01's €600, keyed by the reported kind.</summary>
public static class OlderDataFile
{
    public const string Reference = "G-OLD23456";

    public static void Write(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var file = LiteDbFile.Open(path);
        const string Json = """
            {"reference":"G-OLD23456","key":{"passengerId":"DEMO01-1","bookingReference":"DEMO01","flightNumber":"CC400","scheduledDate":"2026-11-18","kind":"MissedConnection"},
             "remedies":[{"code":"compensation","kind":"Compensation","amount":600,"currency":"EUR","rule":"EU261 Art. 7(1)(c)","asVoucher":false}],
             "policyVersion":"2025.01","grantedBy":{"kind":"bot","id":"bot","name":null,"channel":"directline","conversationId":"old-conversation"},
             "grantedUtc":"2026-11-19T09:00:00Z","tier":"Basic"}
            """;
        file.Database.GetCollection("ledger").Insert(new BsonDocument
        {
            ["_id"] = "DEMO01-1|DEMO01|CC400|2026-11-18|MissedConnection",
            ["reference"] = Reference,
            ["booking"] = "DEMO01",
            ["passenger"] = "DEMO01-1",
            ["kind"] = "MissedConnection",
            ["conversation"] = "directline/old-conversation",
            ["json"] = Json,
        });
        file.Database.Checkpoint();
    }
}

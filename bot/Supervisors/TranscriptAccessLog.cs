using CustomerCare.Bot.Storage;
using LiteDB;

namespace CustomerCare.Bot.Supervisors;

/// <summary>Every time a supervisor reads or exports a transcript: who, when, which conversation, what they did. Kept in LiteDB and logged.</summary>
public sealed partial class TranscriptAccessLog(LiteDatabase database, LiteDbWriter writer, TimeProvider clock, ILogger<TranscriptAccessLog> logger)
{
    private const string CollectionName = "transcriptAccess";

    public Task RecordAsync(System.Security.Claims.ClaimsPrincipal user, string action, string conversation) => RecordAsync(SupervisorUser.AuditNameOf(user), action, conversation);

    public Task RecordAsync(string who, string action, string conversation)
    {
        var at = clock.GetUtcNow().UtcDateTime;
        LogAccess(logger, who, action, conversation);
        return writer.WriteAsync(db => db.GetCollection(CollectionName, BsonAutoId.Int64).Insert(new BsonDocument
        {
            ["who"] = who,
            ["atUtc"] = at,
            ["action"] = action,
            ["conversation"] = conversation,
        }));
    }

    /// <summary>The most recent accesses first.</summary>
    public IReadOnlyList<TranscriptAccess> Recent(int count)
        => database.GetCollection(CollectionName, BsonAutoId.Int64)
            .Find(Query.All(Query.Descending), limit: count)
            .Select(d => new TranscriptAccess(d["who"].AsString, DateTime.SpecifyKind(d["atUtc"].AsDateTime, DateTimeKind.Utc), d["action"].AsString, d["conversation"].AsString))
            .ToList();

    [LoggerMessage(Level = LogLevel.Information, Message = "Supervisor {Who} {Action} transcript {Conversation}")]
    private static partial void LogAccess(ILogger logger, string who, string action, string conversation);
}

public sealed record TranscriptAccess(string Who, DateTime AtUtc, string Action, string Conversation);

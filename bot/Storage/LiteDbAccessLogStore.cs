using CustomerCare.Bot.Transcripts;
using CustomerCare.Bot.Supervisors;
using LiteDB;

namespace CustomerCare.Bot.Storage;

/// <summary>The access log in the data file, numbered in the order written.</summary>
public sealed class LiteDbAccessLogStore(LiteDatabase database, LiteDbWriter writer) : IAccessLogStore
{
    private const string CollectionName = "transcriptAccess";

    public Task AddAsync(TranscriptAccess access)
        => writer.WriteAsync(db => db.GetCollection(CollectionName, BsonAutoId.Int64).Insert(new BsonDocument
        {
            ["who"] = access.Who,
            ["atUtc"] = access.AtUtc,
            ["action"] = access.Action,
            ["conversation"] = access.Conversation,
        }));

    public Task<IReadOnlyList<TranscriptAccess>> RecentAsync(int count, CancellationToken cancellationToken)
        => Task.FromResult<IReadOnlyList<TranscriptAccess>>(database.GetCollection(CollectionName, BsonAutoId.Int64)
            .Find(Query.All(Query.Descending), limit: count)
            .Select(d => new TranscriptAccess(d["who"].AsString, DateTime.SpecifyKind(d["atUtc"].AsDateTime, DateTimeKind.Utc), d["action"].AsString, d["conversation"].AsString))
            .ToList());
}

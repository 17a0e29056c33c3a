using CustomerCare.Builder;
using CustomerCare.Bot.Transcripts;
using CustomerCare.Bot.Supervisors;
using LiteDB;

namespace CustomerCare.Bot.Storage;

/// <summary>Reviews in the data file, each written with its conversation's summary in one transaction.</summary>
public sealed class SupervisorReviews : ISupervisorReviews
{
    internal const string CollectionName = "reviews";
    private readonly ILiteCollection<BsonDocument> _reviews;
    private readonly LiteDbWriter _writer;
    private readonly ConversationIndex _index;
    private readonly TimeProvider _clock;

    public SupervisorReviews(LiteDatabase database, LiteDbWriter writer, ConversationIndex index, TimeProvider clock)
    {
        _writer = writer;
        _index = index;
        _clock = clock;
        _reviews = database.GetCollection(CollectionName, BsonAutoId.Int64);
        _reviews.EnsureIndex("conversation");
    }

    public Task AddAsync(string channelId, string conversationId, string author, int? score, string? note)
    {
        var at = _clock.GetUtcNow().UtcDateTime;
        return _writer.WriteAsync(db =>
        {
            db.GetCollection(CollectionName, BsonAutoId.Int64).Insert(new BsonDocument
            {
                ["conversation"] = ConversationKey.Of(channelId, conversationId),
                ["author"] = author,
                ["score"] = score,
                ["note"] = note,
                ["atUtc"] = at,
            });
            if (score is { } value)
            {
                _index.Change(db, channelId, conversationId, summary => ConversationSummary.Reviewed(summary, value));
            }
            return true;
        });
    }

    public Task<IReadOnlyList<SupervisorReview>> ForAsync(string channelId, string conversationId, CancellationToken cancellationToken)
        => Task.FromResult<IReadOnlyList<SupervisorReview>>(_reviews.Find(Filters.Equal("conversation", ConversationKey.Of(channelId, conversationId)))
            .Select(d => new SupervisorReview(d["author"].AsString, d["score"].IsNull ? null : d["score"].AsInt32, d["note"].IsNull ? null : d["note"].AsString,
                DateTime.SpecifyKind(d["atUtc"].AsDateTime, DateTimeKind.Utc)))
            .OrderBy(r => r.AtUtc).ToList());
}

using CustomerCare.Builder;
using CustomerCare.Cases;
using CustomerCare.Schema;
using LiteDB;

namespace CustomerCare.Bot.Storage;

/// <summary>
/// Deletes one conversation from the data file with everything that belongs to it — transcript and search words, its
/// customer's uploads (but for receipts a grant keeps), its state, the supervisors' reviews and its closed cases —
/// inside a writer transaction; the caller removes the summaries (<see cref="ConversationIndex.Remove"/>). Retention and
/// erasure both delete through here, so they cannot drift apart.
/// </summary>
public sealed class LiteDbConversationErasure(LiteDbStorage state)
{
    /// <summary>What deleting one conversation took with it.</summary>
    public readonly record struct Erased(int ClosedCases, int Reviews, int Uploads);

    public Erased Delete(LiteDatabase db, string channelId, string conversationId)
    {
        var key = ConversationKey.Of(channelId, conversationId);
        var uploads = 0;
        foreach (var upload in Uploads(db, key).Where(id => !ReceiptUploads.IsKept(db, id)))
        {
            uploads += db.FileStorage.Delete(upload) ? 1 : 0;
        }
        TranscriptStore.Delete(db, key);
        state.Forget(db, StateKeys.Conversation(channelId, conversationId));
        var reviews = db.GetCollection(SupervisorReviews.CollectionName, BsonAutoId.Int64).DeleteMany(Filters.Equal("conversation", key));
        var cases = db.GetCollection(LiteDbCaseStore.CollectionName);
        var closed = cases.Find(Filters.Equal("conversationId", conversationId))
            .Where(c => c["channelId"].AsString == channelId && CaseDocuments.StatusOf(c) == CaseStatus.Closed)
            .Select(c => c["_id"]).ToList();
        return new Erased(closed.Count(cases.Delete), reviews, uploads);
    }

    /// <summary>Deletes a user's state on a channel (once none of their conversations is kept).</summary>
    public void DeleteUser(LiteDatabase db, string channelId, string userId) => state.Forget(db, StateKeys.User(channelId, userId));

    /// <summary>The ids of files uploaded in a conversation, from the attachment links in its transcript.</summary>
    public static IReadOnlyList<string> Uploads(LiteDatabase db, string key)
        => TranscriptStore.Activities(db, key)
            .SelectMany(activity => activity.Attachments ?? [])
            .Select(attachment => attachment.ContentUrl)
            .OfType<string>()
            .Select(UploadLinks.IdOf)
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)
            .ToList();
}

using CustomerCare.Schema;
using CustomerCare.Bot.Supervisors;
using CustomerCare.Bot.Transcripts;
using LiteDB;

namespace CustomerCare.Bot.Storage;

/// <summary>Expired conversations in the data file: one scan of the summaries, then each batch checked again and deleted on the writer.</summary>
public sealed class LiteDbTranscriptExpiry(LiteDatabase database, LiteDbWriter writer, ConversationIndex index) : ITranscriptExpiry
{
    private const int Batch = 200;

    public async Task<int> DeleteInactiveSinceAsync(DateTime cutoffUtc)
    {
        var deleted = 0;
        // Summaries are small documents with no index to keep up on every write.
        var expired = database.GetCollection(ConversationIndex.CollectionName)
            .Find(Filters.Before("lastUtc", cutoffUtc)).Select(d => d["_id"].AsString).ToList();
        foreach (var batch in expired.Chunk(Batch))
        {
            var removed = await writer.WriteAsync(db => DeleteExpired(db, batch, cutoffUtc)).ConfigureAwait(false);
            deleted += removed.Count;
        }
        return deleted;
    }

    /// <summary>
    /// On the writer, so nothing changes underneath: a conversation is deleted only if it is still inactive and has no
    /// case waiting for or held by a person; the files the customer uploaded go with it, but for receipts a grant keeps.
    /// </summary>
    private List<string> DeleteExpired(LiteDatabase db, string[] keys, DateTime cutoff)
    {
        var summaries = db.GetCollection(ConversationIndex.CollectionName);
        var cases = db.GetCollection("cases");
        var removed = new List<string>();
        foreach (var key in keys)
        {
            if (summaries.FindById(key) is not { } summary || summary["lastUtc"].AsDateTime >= cutoff)
            {
                continue;
            }
            var (channel, conversation) = (summary["channelId"].AsString, summary["conversationId"].AsString);
            if (cases.Find(Filters.Equal("conversationId", conversation)).Any(c => c["channelId"].AsString == channel && CaseDocuments.StatusOf(c) != CustomerCare.Cases.CaseStatus.Closed))
            {
                continue;
            }
            foreach (var upload in Uploads(db, key).Where(id => !ReceiptUploads.IsKept(db, id)))
            {
                db.FileStorage.Delete(upload);
            }
            TranscriptStore.Delete(db, key);
            removed.Add(key);
        }
        index.Remove(db, removed);
        return removed;
    }

    /// <summary>The ids of files uploaded in a conversation, from the attachment links in its transcript.</summary>
    private static IEnumerable<string> Uploads(LiteDatabase db, string key)
        => TranscriptStore.Activities(db, key)
            .SelectMany(activity => activity.Attachments ?? [])
            .Select(attachment => attachment.ContentUrl)
            .OfType<string>()
            .Select(UploadLinks.IdOf)
            .OfType<string>()
            .Distinct()
            .ToList();
}

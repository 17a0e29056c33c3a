using CustomerCare.Bot.DirectLine;
using LiteDB;

namespace CustomerCare.Bot.Storage;

/// <summary>Uploads in the data file's file storage, written through the one writer so they are as durable as the rest.</summary>
public sealed class LiteDbUploadStore(LiteDatabase database, LiteDbWriter writer) : IUploadStore
{
    public async Task SaveAsync(string id, string fileName, string contentType, Stream content, CancellationToken cancellationToken)
    {
        // The writer applies its work on its own thread: the file is read into memory first (uploads are bounded).
        using var buffer = new MemoryStream();
        await content.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
        var bytes = buffer.ToArray();
        await writer.WriteAsync(db =>
        {
            using var stream = new MemoryStream(bytes, writable: false);
            return db.FileStorage.Upload(id, fileName, stream, new BsonDocument { ["contentType"] = contentType });
        }).ConfigureAwait(false);
    }

    public Task<StoredUpload?> OpenAsync(string id, CancellationToken cancellationToken)
    {
        var file = database.FileStorage.FindById(id);
        var contentType = file?.Metadata.TryGetValue("contentType", out var given) == true && given.IsString ? given.AsString : file?.MimeType;
        return Task.FromResult(file is null ? null : new StoredUpload(file.OpenRead(), contentType!, file.Filename));
    }
}

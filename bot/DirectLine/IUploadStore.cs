namespace CustomerCare.Bot.DirectLine;

/// <summary>
/// The files customers upload through Direct Line, each under an unguessable id that its attachment's contentUrl
/// carries. Kept wherever the bot keeps everything else, so a file is served by every instance and after a restart.
/// </summary>
public interface IUploadStore
{
    Task SaveAsync(string id, string fileName, string contentType, Stream content, CancellationToken cancellationToken);

    /// <summary>The file, or null when there is none under this id.</summary>
    Task<StoredUpload?> OpenAsync(string id, CancellationToken cancellationToken);
}

/// <summary>One uploaded file as it is served back.</summary>
public sealed record StoredUpload(Stream Content, string ContentType, string FileName);

namespace CustomerCare.Schema;

/// <summary>
/// Links to files uploaded through the bot's own Direct Line: "/v3/directline/attachments/{id}", the id unguessable.
/// Only the upload endpoint makes such an attachment; a client naming one itself is refused (see the Direct Line layer).
/// </summary>
public static class UploadLinks
{
    public const string Path = "/v3/directline/attachments/";

    /// <summary>The upload id of a link to the bot's own Direct Line uploads; null for any other link.</summary>
    public static string? IdOf(string? url)
    {
        var at = url?.IndexOf(Path, StringComparison.Ordinal) ?? -1;
        var id = at < 0 ? null : url![(at + Path.Length)..];
        // Exactly as the upload endpoint makes them: 32 lowercase hex digits (so one file has one id, one claim).
        return id is { Length: 32 } && id.All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f') ? id : null;
    }

    /// <summary>The link to an upload, relative to the bot's own address.</summary>
    public static string For(string id) => Path + id;

    /// <summary>Whether a client-supplied attachment names one of the bot's uploads (which only the upload endpoint may).</summary>
    public static bool NamesAnUpload(Attachment attachment)
        => attachment.ContentUrl?.Contains(Path, StringComparison.OrdinalIgnoreCase) == true || attachment.ThumbnailUrl?.Contains(Path, StringComparison.OrdinalIgnoreCase) == true;
}

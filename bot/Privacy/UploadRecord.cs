namespace CustomerCare.Bot.Privacy;

/// <summary>A file the customer uploaded, listed (not its content); one a grant's receipt points to is kept with the grant.</summary>
public sealed record UploadRecord(string Id, string FileName, string ContentType, long Length, bool KeptWithGrant);

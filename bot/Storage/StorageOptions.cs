using System.ComponentModel.DataAnnotations;

namespace CustomerCare.Bot.Storage;

/// <summary>Where the embedded LiteDB data file lives. One process per file.</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>Path of the data file; relative paths are resolved against the content root.</summary>
    [Required]
    public string DataPath { get; set; } = "data/customercare.db";

    /// <summary>
    /// How long transcript entries gather before they are written: a conversation's activities of that time become
    /// one stored chunk and one summary update instead of one per activity. 0 writes at once.
    /// </summary>
    [Range(0, 10_000)]
    public int TranscriptFlushMilliseconds { get; set; } = 100;
}

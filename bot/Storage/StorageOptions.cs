using System.ComponentModel.DataAnnotations;

namespace CustomerCare.Bot.Storage;

/// <summary>Where the embedded LiteDB data file lives. One process per file.</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>Path of the data file; relative paths are resolved against the content root.</summary>
    [Required]
    public string DataPath { get; set; } = "data/customercare.db";
}

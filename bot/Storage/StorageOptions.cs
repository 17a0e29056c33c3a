using System.ComponentModel.DataAnnotations;

namespace CustomerCare.Bot.Storage;

/// <summary>Which store keeps the bot's data, and where. LiteDB: one process per file. PostgreSQL: shared by every instance.</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>The name of the PostgreSQL connection string, <c>ConnectionStrings:CustomerCare</c>.</summary>
    public const string ConnectionStringName = "CustomerCare";

    public StorageProvider Provider { get; set; } = StorageProvider.LiteDb;

    /// <summary>Path of the data file; relative paths are resolved against the content root.</summary>
    [Required]
    public string DataPath { get; set; } = "data/customercare.db";

    /// <summary>
    /// How long transcript entries gather before they are written: a conversation's activities of that time become
    /// one stored chunk and one summary update instead of one per activity. 0 writes at once.
    /// </summary>
    [Range(0, 10_000)]
    public int TranscriptFlushMilliseconds { get; set; } = 100;

    /// <summary>
    /// At most this many transcript entries wait for the writer; a turn that finds the queue full waits for room (back
    /// pressure), up to <see cref="TranscriptQueueWaitMilliseconds"/>, then the entry is dropped and logged.
    /// </summary>
    /// <summary>
    /// Free space kept on the data file's disk: below it, writes are refused at once (the customer is asked to try
    /// again, ready turns 503) until space returns. 0 turns the check off.
    /// </summary>
    [Range(0, 1_000_000)]
    public int MinFreeDiskMegabytes { get; set; } = 64;

    [Range(100, 1_000_000)]
    public int TranscriptQueueCapacity { get; set; } = 10_000;

    [Range(0, 60_000)]
    public int TranscriptQueueWaitMilliseconds { get; set; } = 5_000;

    /// <summary>How the bot signs in to PostgreSQL: the connection string's password, or a Microsoft Entra ID token.</summary>
    public PostgreSqlAuthentication PostgreSqlAuthentication { get; set; } = PostgreSqlAuthentication.Password;

    /// <summary>With Entra ID: the client id of a user-assigned managed identity; empty uses DefaultAzureCredential.</summary>
    public string? ManagedIdentityClientId { get; set; }
}

public enum StorageProvider
{
    LiteDb,
    PostgreSql,
}

public enum PostgreSqlAuthentication
{
    Password,
    EntraId,
}

using System.ComponentModel.DataAnnotations;

namespace CustomerCare.Bot.DirectLine;

/// <summary>The built-in Direct Line 3.0 service that the Web Chat page talks to.</summary>
public sealed class DirectLineOptions
{
    public const string Section = "DirectLine";

    /// <summary>The Direct Line secret for server-to-server calls (tokens/generate); none configured means secret calls are refused.</summary>
    public string? Secret { get; set; }

    /// <summary>Base64 HMAC key for tokens; when empty a key is generated once and kept in the data file.</summary>
    public string? TokenSigningKey { get; set; }

    [Range(60, 86_400)]
    public int TokenLifetimeSeconds { get; set; } = 3600;

    [Range(1, 300)]
    public int KeepAliveSeconds { get; set; } = 15;

    /// <summary>Largest accepted upload (all files of one request together).</summary>
    [Range(1024, 100 * 1024 * 1024)]
    public long MaxUploadBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>Conversations idle this long leave memory; they are restored from the transcript when used again.</summary>
    [Range(1, 10_080)]
    public int IdleMinutesInMemory { get; set; } = 60;
}

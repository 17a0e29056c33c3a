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

    /// <summary>The newest activities one conversation keeps in memory; older ones are read from its transcript.</summary>
    [Range(10, 100_000)]
    public int MaxActivitiesInMemory { get; set; } = 500;

    /// <summary>The most serialized bytes of activities one conversation keeps in memory (the newest activity always stays).</summary>
    [Range(16 * 1024, 256 * 1024 * 1024)]
    public long MaxBytesInMemory { get; set; } = 512 * 1024;

    /// <summary>The most conversations in memory at once; past it, the least recently used idle ones leave first.</summary>
    [Range(10, 1_000_000)]
    public int MaxConversationsInMemory { get; set; } = 2000;

    /// <summary>Open WebSocket streams on one conversation.</summary>
    [Range(1, 100)]
    public int MaxListenersPerConversation { get; set; } = 4;

    /// <summary>Open WebSocket streams on one token (a token is for one conversation; a refreshed one is a new token).</summary>
    [Range(1, 100)]
    public int MaxListenersPerToken { get; set; } = 2;

    /// <summary>How many activity sets a stream may have waiting to be sent; one that falls that far behind is closed, and its client reconnects from its watermark.</summary>
    [Range(8, 100_000)]
    public int ListenerBacklog { get; set; } = 256;

    /// <summary>Upload bytes one conversation may send in a UTC day.</summary>
    [Range(1024, 10L * 1024 * 1024 * 1024)]
    public long MaxUploadBytesPerConversationPerDay { get; set; } = 20 * 1024 * 1024;

    /// <summary>Upload bytes all conversations together may send in a UTC day.</summary>
    [Range(1024, 1024L * 1024 * 1024 * 1024)]
    public long MaxUploadBytesPerDay { get; set; } = 2L * 1024 * 1024 * 1024;
}

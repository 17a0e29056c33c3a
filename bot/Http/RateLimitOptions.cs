using System.ComponentModel.DataAnnotations;

namespace CustomerCare.Bot.Http;

/// <summary>How often one client or one conversation may call (<c>RateLimits:*</c>); above it the answer is 429 with Retry-After.</summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    /// <summary>Direct Line tokens (the page's token endpoint, generate, refresh) and new conversations, per client address.</summary>
    [Range(1, 1_000_000)]
    public int TokensPerMinutePerClient { get; set; } = 30;

    /// <summary>Activities posted to Direct Line conversations from one client address (it may hold several).</summary>
    [Range(1, 1_000_000)]
    public int PostsPerMinutePerClient { get; set; } = 300;

    /// <summary>Uploads to Direct Line conversations from one client address.</summary>
    [Range(1, 1_000_000)]
    public int UploadsPerHourPerClient { get; set; } = 100;

    /// <summary>Activities posted to one Direct Line conversation.</summary>
    [Range(1, 1_000_000)]
    public int PostsPerMinutePerConversation { get; set; } = 60;

    /// <summary>Uploads to one Direct Line conversation.</summary>
    [Range(1, 1_000_000)]
    public int UploadsPerHourPerConversation { get; set; } = 20;

    /// <summary>Requests to <c>/api/messages</c> per client address (a channel's service sends many conversations' turns).</summary>
    [Range(1, 1_000_000)]
    public int MessagesPerSecondPerClient { get; set; } = 1000;

    /// <summary>Finance's status reports per client address.</summary>
    [Range(1, 1_000_000)]
    public int ReportsPerMinutePerClient { get; set; } = 600;

    /// <summary>
    /// Take the client's address from the last <c>X-Forwarded-For</c> entry, as a front end that every request passes
    /// through (Azure App Service) sets it; otherwise every client would share the front end's address.
    /// </summary>
    public bool TrustForwardedFor { get; set; }
}

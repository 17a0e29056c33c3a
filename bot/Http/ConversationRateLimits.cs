using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace CustomerCare.Bot.Http;

/// <summary>
/// Posts and uploads per Direct Line conversation, counted after the caller's token was checked for that
/// conversation: a limiter exists only for a conversation someone holds a token to, and goes once it is idle.
/// </summary>
public sealed class ConversationRateLimits : IDisposable
{
    private readonly PartitionedRateLimiter<string> _posts;
    private readonly PartitionedRateLimiter<string> _uploads;

    public ConversationRateLimits(IOptions<RateLimitOptions> options)
    {
        var limits = options.Value;
        _posts = Limiter(limits.PostsPerMinutePerConversation, TimeSpan.FromMinutes(1));
        _uploads = Limiter(limits.UploadsPerHourPerConversation, TimeSpan.FromHours(1));
    }

    public RateLimitLease Post(string conversationId) => _posts.AttemptAcquire(conversationId);

    public RateLimitLease Upload(string conversationId) => _uploads.AttemptAcquire(conversationId);

    private static PartitionedRateLimiter<string> Limiter(int permits, TimeSpan window)
        => PartitionedRateLimiter.Create<string, string>(conversation => RateLimitPartition.GetFixedWindowLimiter(conversation, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permits, Window = window, QueueLimit = 0, AutoReplenishment = true,
        }), StringComparer.Ordinal);

    public void Dispose()
    {
        _posts.Dispose();
        _uploads.Dispose();
    }
}

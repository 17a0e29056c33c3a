using System.ComponentModel.DataAnnotations;

namespace CustomerCare.Bot.Health;

/// <summary>What <c>/healthz/ready</c> asks of an instance (<c>Health:*</c>).</summary>
public sealed class HealthOptions
{
    public const string Section = "Health";

    /// <summary>How long the store may take to accept the readiness write.</summary>
    [Range(100, 60000)]
    public int StoreWriteDeadlineMilliseconds { get; set; } = 2000;

    /// <summary>Waiting payout instructions above which readiness reports the backlog as degraded (with a webhook only).</summary>
    [Range(1, 10_000_000)]
    public int PayoutBacklogThreshold { get; set; } = 1000;
}

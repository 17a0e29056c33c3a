namespace CustomerCare.Payouts;

/// <summary>
/// How delivery tries are spaced: exponential backoff from <see cref="FirstDelay"/>, capped at <see cref="MaxDelay"/>,
/// with jitter (each wait between half and all of its step) so instances and instructions do not retry in step; a
/// Retry-After the webhook asked for is honoured, up to <see cref="MaxDelay"/>. After <see cref="MaxAttempts"/> tries the
/// instruction stops as failed.
/// </summary>
public sealed record PayoutRetryPolicy(TimeSpan FirstDelay, TimeSpan MaxDelay, int MaxAttempts, Func<double>? Random = null)
{
    public static PayoutRetryPolicy Default { get; } = new(TimeSpan.FromSeconds(2), TimeSpan.FromMinutes(15), 30);

    /// <param name="attempts">Tries made so far (1 after the first).</param>
    public TimeSpan Delay(int attempts, TimeSpan? retryAfter)
    {
        if (retryAfter is { } asked && asked > TimeSpan.Zero)
        {
            return asked < MaxDelay ? asked : MaxDelay;
        }
        var step = FirstDelay.TotalMilliseconds * Math.Pow(2, Math.Clamp(attempts - 1, 0, 30));
        var capped = Math.Min(step, MaxDelay.TotalMilliseconds);
        var jitter = 0.5 + (0.5 * (Random ?? System.Random.Shared.NextDouble)());
        return TimeSpan.FromMilliseconds(capped * jitter);
    }
}

using CustomerCare.Bot.Transcripts;
using CustomerCare.Diagnostics;
using CustomerCare.Payouts;

namespace CustomerCare.Bot.Telemetry;

/// <summary>
/// Reports as a gauge the depth of the transcript queue (entries waiting for the background writer) and the payout
/// backlog (instructions waiting for delivery to finance). The backlog is a store read, so it is sampled every 15
/// seconds rather than read in the gauge's callback; it counts up to <see cref="BacklogCountLimit"/>.
/// </summary>
public sealed partial class QueueDepths(CustomerCareMetrics metrics, TranscriptQueue transcripts, IPayoutStore payouts, ILogger<QueueDepths> logger) : BackgroundService
{
    public const string Transcripts = "transcripts";
    public const string Payouts = "payouts";
    public const int BacklogCountLimit = 100_000;
    private static readonly TimeSpan Sampling = TimeSpan.FromSeconds(15);
    private volatile int _payoutBacklog;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        metrics.ObserveQueue(Transcripts, () => transcripts.Count);
        metrics.ObserveQueue(Payouts, () => _payoutBacklog);
        using var timer = new PeriodicTimer(Sampling, TimeProvider.System);
        do
        {
            try
            {
                _payoutBacklog = (await payouts.ListAsync([PayoutStatus.Waiting], BacklogCountLimit, stoppingToken).ConfigureAwait(false)).Count;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The store is down: the gauge keeps its last value, and readiness says why.
                LogSampleFailed(logger, e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not count the payout backlog for its gauge")]
    private static partial void LogSampleFailed(ILogger logger, Exception exception);
}

using CustomerCare.Bot.Payouts;
using CustomerCare.Payouts;
using CustomerCare.Recognition.Offline;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace CustomerCare.Bot.Health;

/// <summary>
/// The store accepts a write within its deadline: the writer is not stalled, the disk or database takes writes. One
/// probe runs at a time and its answer holds for a second, so polling (or a flood of) <c>/healthz/ready</c> queues
/// no writes behind a stalled store; a probe past its deadline is cancelled. What the store said is logged, not
/// shown: the answer names the check only.
/// </summary>
public sealed partial class StoreWriteCheck(IStoreProbe probe, IOptions<HealthOptions> options, TimeProvider clock, ILogger<StoreWriteCheck> logger) : IHealthCheck
{
    private static readonly TimeSpan AnswerHolds = TimeSpan.FromSeconds(1);

    /// <summary>Deadlines and how long an answer holds are real time, whatever clock the bot's rules run on.</summary>
    private static readonly TimeProvider RealTime = TimeProvider.System;
    private readonly Lock _gate = new();
    private Task<HealthCheckResult>? _running;
    private (HealthCheckResult Result, long At)? _last;

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            if (_last is { } last && RealTime.GetElapsedTime(last.At) < AnswerHolds)
            {
                return Task.FromResult(last.Result);
            }
            if (_running is { IsCompleted: false })
            {
                return Task.FromResult(HealthCheckResult.Unhealthy("the store has not yet accepted the previous readiness write"));
            }
            _running = ProbeAsync();
            return _running;
        }
    }

    private async Task<HealthCheckResult> ProbeAsync()
    {
        var deadline = TimeSpan.FromMilliseconds(options.Value.StoreWriteDeadlineMilliseconds);
        using var timeout = new CancellationTokenSource(deadline, RealTime);
        HealthCheckResult result;
        try
        {
            await probe.WriteAsync(clock.GetUtcNow().UtcDateTime, timeout.Token).WaitAsync(deadline, RealTime, CancellationToken.None).ConfigureAwait(false);
            result = HealthCheckResult.Healthy("the store accepted a write");
        }
        catch (Exception e) when (e is TimeoutException or OperationCanceledException)
        {
            LogSlow(logger, deadline.TotalMilliseconds);
            result = HealthCheckResult.Unhealthy($"the store did not accept a write within {deadline.TotalMilliseconds:0} ms");
        }
        catch (Exception e)
        {
            LogRefused(logger, e);
            result = HealthCheckResult.Unhealthy("the store refused a write (the log says why)");
        }
        lock (_gate)
        {
            _last = (result, RealTime.GetTimestamp());
        }
        return result;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Not ready: the store did not accept the readiness write within {Milliseconds} ms")]
    private static partial void LogSlow(ILogger logger, double milliseconds);

    [LoggerMessage(Level = LogLevel.Error, Message = "Not ready: the store refused the readiness write")]
    private static partial void LogRefused(ILogger logger, Exception exception);
}

/// <summary>Every language's offline model is loaded (CLU falls back to them): until then the bot would misunderstand.</summary>
public sealed class LanguageModelsCheck(IntentModelStore models) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var loading = IntentModelStore.Languages.Where(language => !models.IsReady(language)).ToList();
        return Task.FromResult(loading.Count == 0
            ? HealthCheckResult.Healthy("language models loaded: " + string.Join(", ", IntentModelStore.Languages))
            : HealthCheckResult.Unhealthy("language models still loading: " + string.Join(", ", loading)));
    }
}

/// <summary>
/// Payout instructions waiting for delivery stay under their threshold. Above it the check is degraded, not unhealthy:
/// the backlog is shared by every instance, and taking them all out of service would stop customers as well as payouts.
/// </summary>
public sealed class PayoutBacklogCheck(IPayoutStore payouts, IOptions<PayoutOptions> payoutOptions, IOptions<HealthOptions> options) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(payoutOptions.Value.WebhookUrl))
        {
            return HealthCheckResult.Healthy("no webhook: instructions wait for finance's download");
        }
        lock (_gate)
        {
            if (_last is { } last && TimeProvider.System.GetElapsedTime(last.At) < TimeSpan.FromSeconds(10))
            {
                return last.Result;
            }
        }
        var threshold = options.Value.PayoutBacklogThreshold;
        var waiting = (await payouts.ListAsync([PayoutStatus.Waiting], threshold + 1, cancellationToken).ConfigureAwait(false)).Count;
        var result = waiting > threshold
            ? HealthCheckResult.Degraded($"more than {threshold} payout instructions wait for delivery")
            : HealthCheckResult.Healthy($"{waiting} payout instructions wait for delivery");
        lock (_gate)
        {
            _last = (result, TimeProvider.System.GetTimestamp());
        }
        return result;
    }

    private readonly Lock _gate = new();
    private (HealthCheckResult Result, long At)? _last;
}

using CustomerCare.Bot.Payouts;
using CustomerCare.Payouts;
using CustomerCare.Recognition.Offline;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace CustomerCare.Bot.Health;

/// <summary>The store accepts a durable write within its deadline: the writer is not stalled, the disk or database takes writes.</summary>
public sealed class StoreWriteCheck(IStoreProbe probe, IOptions<HealthOptions> options, TimeProvider clock) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var deadline = TimeSpan.FromMilliseconds(options.Value.StoreWriteDeadlineMilliseconds);
        try
        {
            await probe.WriteAsync(clock.GetUtcNow().UtcDateTime, cancellationToken).WaitAsync(deadline, cancellationToken).ConfigureAwait(false);
            return HealthCheckResult.Healthy("the store accepted a write");
        }
        catch (TimeoutException)
        {
            return HealthCheckResult.Unhealthy($"the store did not accept a write within {deadline.TotalMilliseconds:0} ms");
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy("the store refused a write: " + e.GetType().Name + ": " + e.Message);
        }
    }
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
        var threshold = options.Value.PayoutBacklogThreshold;
        var waiting = (await payouts.ListAsync([PayoutStatus.Waiting], threshold + 1, cancellationToken).ConfigureAwait(false)).Count;
        return waiting > threshold
            ? HealthCheckResult.Degraded($"more than {threshold} payout instructions wait for delivery")
            : HealthCheckResult.Healthy($"{waiting} payout instructions wait for delivery");
    }
}

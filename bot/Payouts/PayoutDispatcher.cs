using System.Net;
using System.Net.Http.Headers;
using CustomerCare.Payouts;
using Microsoft.Extensions.Options;

namespace CustomerCare.Bot.Payouts;

/// <summary>
/// Delivers waiting payout instructions to finance's webhook, on every instance: it takes due instructions (leased,
/// see <see cref="IPayoutStore.TakeDueAsync"/>), posts each with its grant reference as the <c>Idempotency-Key</c> and
/// a signature, and records what came of it. Timeouts, lost connections, 5xx, 408 and 429 are tried again later
/// (<see cref="PayoutRetryPolicy"/>, honouring Retry-After); any other answer that is not 2xx stops the instruction as
/// failed. Since an instruction is in the store from its grant's commit, a process killed at any moment leaves it to
/// be delivered after the restart (or by another instance once the lease runs out), under the same key.
/// </summary>
public sealed partial class PayoutDispatcher(
    IPayoutStore store,
    IHttpClientFactory clients,
    IOptions<PayoutOptions> options,
    TimeProvider clock,
    ILogger<PayoutDispatcher> logger) : BackgroundService
{
    public const string HttpClientName = "payouts";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (string.IsNullOrWhiteSpace(settings.WebhookUrl))
        {
            LogNoWebhook(logger);
            return;
        }
        var webhook = new Uri(settings.WebhookUrl);
        // Tries of one batch run one after another, each within its timeout: the lease covers the whole batch, so no
        // other instance takes an instruction while it still waits here (instances' clocks must agree, as NTP keeps them).
        var lease = TimeSpan.FromSeconds(((settings.TimeoutSeconds + 5) * settings.BatchSize) + 30);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var due = await store.TakeDueAsync(clock.GetUtcNow().UtcDateTime, lease, settings.BatchSize, stoppingToken).ConfigureAwait(false);
                foreach (var payout in due)
                {
                    var result = await DeliverAsync(webhook, settings, payout, stoppingToken).ConfigureAwait(false);
                    var recorded = await store.RecordDeliveryAsync(payout.Reference, result, clock.GetUtcNow().UtcDateTime, settings.Retries, CancellationToken.None).ConfigureAwait(false);
                    Log(payout.Reference, result, recorded);
                }
                if (due.Count == settings.BatchSize)
                {
                    continue;
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // The store itself failed (a full disk, a database away): the instructions stay; the next look tries again.
                LogStoreFailed(logger, e);
            }
            try
            {
                await Task.Delay(TimeSpan.FromMilliseconds(settings.PollMilliseconds), clock, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task<DeliveryResult> DeliverAsync(Uri webhook, PayoutOptions settings, PayoutState payout, CancellationToken stoppingToken)
    {
        var body = PayoutMessage.Body(payout);
        using var request = new HttpRequestMessage(HttpMethod.Post, webhook) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.Add("Idempotency-Key", payout.DeliveryKey);
        request.Headers.Add(PayoutSignature.Header, PayoutSignature.Sign(settings.SigningSecret!, body));
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(settings.TimeoutSeconds));
        try
        {
            using var response = await clients.CreateClient(HttpClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
            return Classify(response.StatusCode, response.Headers.RetryAfter, clock.GetUtcNow());
        }
        catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
        {
            return new DeliveryResult.TryAgain($"no answer within {settings.TimeoutSeconds} s");
        }
        catch (HttpRequestException e)
        {
            return new DeliveryResult.TryAgain("not delivered: " + e.Message);
        }
    }

    /// <summary>What an answer from the webhook means for the instruction.</summary>
    public static DeliveryResult Classify(HttpStatusCode status, RetryConditionHeaderValue? retryAfter, DateTimeOffset now)
    {
        var code = (int)status;
        if (code is >= 200 and < 300)
        {
            return new DeliveryResult.Delivered();
        }
        if (code is 408 or 429 or >= 500)
        {
            var wait = retryAfter?.Delta ?? (retryAfter?.Date is { } date ? date - now : null);
            return new DeliveryResult.TryAgain($"HTTP {code}", wait > TimeSpan.Zero ? wait : null);
        }
        return new DeliveryResult.Refused($"HTTP {code}: refused by the webhook");
    }

    private void Log(string reference, DeliveryResult result, PayoutState? recorded)
    {
        switch (result)
        {
            case DeliveryResult.Delivered:
                LogDelivered(logger, reference);
                break;
            case DeliveryResult.TryAgain again when recorded?.Status == PayoutStatus.Failed:
                LogGaveUp(logger, reference, again.Error, recorded.Attempts);
                break;
            case DeliveryResult.TryAgain again:
                LogTryAgain(logger, reference, again.Error, recorded?.NextAttemptUtc);
                break;
            case DeliveryResult.Refused refused:
                LogRefused(logger, reference, refused.Error);
                break;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Payouts:WebhookUrl is not set: payout instructions wait in the store for finance to download them")]
    private static partial void LogNoWebhook(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Payout instruction {Reference} delivered to finance")]
    private static partial void LogDelivered(ILogger logger, string reference);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Payout instruction {Reference} not delivered ({Error}); next try at {NextUtc:o}")]
    private static partial void LogTryAgain(ILogger logger, string reference, string error, DateTime? nextUtc);

    [LoggerMessage(Level = LogLevel.Error, Message = "Payout instruction {Reference} failed: {Error} after {Attempts} tries; a supervisor can retry it")]
    private static partial void LogGaveUp(ILogger logger, string reference, string error, int attempts);

    [LoggerMessage(Level = LogLevel.Error, Message = "Payout instruction {Reference} failed: {Error}; a supervisor can retry it")]
    private static partial void LogRefused(ILogger logger, string reference, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "The payout outbox could not be read or written; its instructions stay and are tried again")]
    private static partial void LogStoreFailed(ILogger logger, Exception exception);
}

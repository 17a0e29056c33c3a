using Microsoft.Extensions.Options;

namespace CustomerCare.Bot.Supervisors;

/// <summary>Deletes, at every check, the transcripts whose last activity is older than the retention period.</summary>
public sealed partial class TranscriptRetention(ITranscriptExpiry expiry, IOptions<SupervisorOptions> options, TimeProvider clock, ILogger<TranscriptRetention> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.TranscriptRetentionDays == 0)
        {
            return;
        }
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(options.Value.RetentionCheckMinutes), clock);
        do
        {
            try
            {
                await RunOnceAsync().ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A failed run is retried at the next tick; it must not take the bot down.
                LogFailed(logger, ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    /// <summary>Deletes everything expired now; returns how many conversations were deleted.</summary>
    public async Task<int> RunOnceAsync()
    {
        var cutoff = clock.GetUtcNow().UtcDateTime.AddDays(-options.Value.TranscriptRetentionDays);
        var deleted = await expiry.DeleteInactiveSinceAsync(cutoff).ConfigureAwait(false);
        if (deleted > 0)
        {
            LogDeleted(logger, deleted, cutoff);
        }
        return deleted;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Deleted the transcripts of {Count} conversations inactive since before {Cutoff:u}")]
    private static partial void LogDeleted(ILogger logger, int count, DateTime cutoff);

    [LoggerMessage(Level = LogLevel.Error, Message = "Transcript retention failed")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}

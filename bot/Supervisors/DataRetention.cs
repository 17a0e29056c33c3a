using Microsoft.Extensions.Options;

namespace CustomerCare.Bot.Supervisors;

/// <summary>
/// At every check, applies the retention period to everything the store holds (<see cref="IRetentionStore"/>):
/// expired conversations with all that belongs to them, cases closed for longer, and the grants' personal data.
/// </summary>
public sealed partial class DataRetention(IRetentionStore store, IOptions<SupervisorOptions> options, TimeProvider clock, ILogger<DataRetention> logger)
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

    /// <summary>Applies the retention period now; returns what was deleted and pseudonymised.</summary>
    public async Task<RetentionRun> RunOnceAsync()
    {
        var cutoff = clock.GetUtcNow().UtcDateTime.AddDays(-options.Value.TranscriptRetentionDays);
        var run = await store.ExpireAsync(cutoff).ConfigureAwait(false);
        if (!run.IsNothing)
        {
            LogExpired(logger, run.Conversations, run.ClosedCases, run.Reviews, run.PseudonymisedGrants, cutoff);
        }
        return run;
    }

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Retention before {Cutoff:u}: deleted {Conversations} conversations, {ClosedCases} closed cases and {Reviews} reviews; pseudonymised {Grants} grants")]
    private static partial void LogExpired(ILogger logger, int conversations, int closedCases, int reviews, int grants, DateTime cutoff);

    [LoggerMessage(Level = LogLevel.Error, Message = "Retention failed")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}

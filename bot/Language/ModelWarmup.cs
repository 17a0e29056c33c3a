using CustomerCare.Recognition.Offline;

namespace CustomerCare.Bot.Language;

/// <summary>Loads (or, on a machine's first start, trains) the offline models in the background, so the bot answers at once.</summary>
public sealed partial class ModelWarmup(IntentModelStore models, ILogger<ModelWarmup> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.Run(() =>
    {
        foreach (var language in IntentModelStore.Languages)
        {
            var started = TimeProvider.System.GetTimestamp();
            models.Get(language);
            var elapsed = TimeProvider.System.GetElapsedTime(started);
            LogReady(logger, language, elapsed.TotalMilliseconds);
        }
    }, stoppingToken);

    [LoggerMessage(Level = LogLevel.Information, Message = "Language model '{Language}' ready in {Milliseconds:F0} ms")]
    private static partial void LogReady(ILogger logger, string language, double milliseconds);
}

using Microsoft.Extensions.Options;

namespace CustomerCare.Bot.Storage;

/// <summary>
/// Ends the process when LiteDB has closed the data file's engine: every call would fail until the file is opened again,
/// so the bot stops with exit code 70 for its supervisor (App Service, systemd, a container's restart policy) to start
/// it again, when LiteDB recovers the file from its log. Meanwhile <c>/healthz/live</c> answers 503.
/// </summary>
public sealed partial class DataFileEngineWatch(IServiceProvider services, IOptions<StorageOptions> options, IHostApplicationLifetime lifetime, ILogger<DataFileEngineWatch> logger) : IHostedService
{
    public const int ExitCode = 70;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.Provider == StorageProvider.LiteDb)
        {
            services.GetRequiredService<LiteDbFile>().EngineClosed += Stop;
        }
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private void Stop(Exception cause)
    {
        LogEngineClosed(logger, cause);
        Environment.ExitCode = ExitCode;
        lifetime.StopApplication();
    }

    [LoggerMessage(Level = LogLevel.Critical, Message = "LiteDB closed the data file's engine; stopping so the process is restarted and the file recovered from its log")]
    private static partial void LogEngineClosed(ILogger logger, Exception exception);
}

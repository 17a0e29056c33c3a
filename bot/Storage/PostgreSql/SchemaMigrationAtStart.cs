using Npgsql;

namespace CustomerCare.Bot.Storage.PostgreSql;

/// <summary>Brings the schema up to date before the bot serves anything; a database it cannot use stops the start with the reason.</summary>
public sealed partial class SchemaMigrationAtStart(NpgsqlDataSource dataSource, ILogger<SchemaMigrationAtStart> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var result = await TransientFaults.RetryAsync(ct => SchemaMigrator.MigrateAsync(dataSource, ct), cancellationToken).ConfigureAwait(false);
        LogSchema(logger, result.ToVersion, result.Applied.Count);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "PostgreSQL schema at version {Version} ({Applied} steps applied now)")]
    private static partial void LogSchema(ILogger logger, int version, int applied);
}

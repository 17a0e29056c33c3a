using Npgsql;

namespace CustomerCare.Bot.Storage.PostgreSql;

/// <summary>
/// Listens on one connection for the notification every import sends, and has the instance's operations data forget
/// what it kept. The connection is checked every 30 s; while it is down nothing is kept, so a lost notification can
/// leave a record stale for at most the time it takes to notice (about a minute when the network drops silently).
/// </summary>
public sealed partial class OperationsChanges(NpgsqlDataSource dataSource, PostgreSqlOperationsData operations, ILogger<OperationsChanges> logger) : BackgroundService
{
    private static readonly TimeSpan Check = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ListenAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is NpgsqlException or TimeoutException or IOException or InvalidOperationException && !stoppingToken.IsCancellationRequested)
            {
                operations.StopKeeping();
                LogLost(logger, e);
                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken).ConfigureAwait(false);
            }
            finally
            {
                operations.StopKeeping();
            }
        }
    }

    private async Task ListenAsync(CancellationToken stoppingToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(stoppingToken).ConfigureAwait(false);
        connection.Notification += (_, _) => operations.Forget();
        await connection.ExecuteAsync("LISTEN " + PostgreSqlOperationsData.Channel, stoppingToken).ConfigureAwait(false);
        operations.StartKeeping();
        try
        {
            while (true)
            {
                if (!await connection.WaitAsync(Check, stoppingToken).ConfigureAwait(false))
                {
                    await connection.ExecuteAsync("SELECT 1", stoppingToken).ConfigureAwait(false);
                }
            }
        }
        finally
        {
            operations.StopKeeping();
            // The connection goes back to the pool: it must not go on listening for whoever takes it next.
            try
            {
                if (connection.State == System.Data.ConnectionState.Open)
                {
                    await connection.ExecuteAsync("UNLISTEN *", CancellationToken.None).ConfigureAwait(false);
                }
            }
            catch (Exception e) when (e is NpgsqlException or TimeoutException or IOException or InvalidOperationException)
            {
                // A broken connection is not returned to the pool: nothing listens on it any more.
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Lost the connection that listens for imports; bookings and flight records are read from PostgreSQL every time until it is back")]
    private static partial void LogLost(ILogger logger, Exception exception);
}

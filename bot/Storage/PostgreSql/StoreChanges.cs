using Npgsql;

namespace CustomerCare.Bot.Storage.PostgreSql;

/// <summary>
/// Listens on one connection for the notifications imports and grants send when they commit, and has the instance
/// forget what it kept of bookings, flight records and bookings' grants. The connection is checked every 30 s;
/// while it is down nothing is kept, so a lost notification can leave a record stale for at most the time it takes
/// to notice (about a minute when the network drops silently). A grant is never decided from what is kept: the
/// ledger checks and claims in its own transaction.
/// </summary>
public sealed partial class StoreChanges(NpgsqlDataSource dataSource, PostgreSqlOperationsData operations, PostgreSqlLedger ledger, ILogger<StoreChanges> logger)
    : BackgroundService
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
                StopKeeping();
                LogLost(logger, e);
                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken).ConfigureAwait(false);
            }
            finally
            {
                StopKeeping();
            }
        }
    }

    private void StopKeeping()
    {
        operations.StopKeeping();
        ledger.StopKeeping();
    }

    private void Changed(string channel)
    {
        if (channel == PostgreSqlOperationsData.Channel)
        {
            operations.Forget();
        }
        else if (channel == PostgreSqlLedger.Channel)
        {
            ledger.Forget();
        }
    }

    private async Task ListenAsync(CancellationToken stoppingToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(stoppingToken).ConfigureAwait(false);
        connection.Notification += (_, notification) => Changed(notification.Channel);
        await connection.ExecuteAsync($"LISTEN {PostgreSqlOperationsData.Channel}; LISTEN {PostgreSqlLedger.Channel}", stoppingToken).ConfigureAwait(false);
        operations.StartKeeping();
        ledger.StartKeeping();
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
            StopKeeping();
            try
            {
                // The connection goes back to the pool: it must not go on listening for whoever takes it next.
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Lost the connection that listens for imports and grants; bookings, flight records and grants are read from PostgreSQL every time until it is back")]
    private static partial void LogLost(ILogger logger, Exception exception);
}

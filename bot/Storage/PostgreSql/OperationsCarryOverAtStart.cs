using CustomerCare.Bot.Operations;

namespace CustomerCare.Bot.Storage.PostgreSql;

/// <summary>
/// When the bot moves from its data file to PostgreSQL, the bookings and flight records imported into the file come
/// along before the bot serves anyone. A record PostgreSQL has already is left as it is: imports go to PostgreSQL
/// from then on, and an import into the file afterwards does not replace them.
/// </summary>
public sealed partial class OperationsCarryOverAtStart(PostgreSqlOperationsData operations, Func<OperationsDataFile> dataFileRecords, ILogger<OperationsCarryOverAtStart> logger)
    : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var records = dataFileRecords();
        if (records.Bookings is not { Count: > 0 } && records.Flights is not { Count: > 0 })
        {
            return;
        }
        await operations.SaveAsync(records.Bookings ?? [], records.Flights ?? [], replace: false).ConfigureAwait(false);
        LogCarried(logger, records.Bookings?.Count ?? 0, records.Flights?.Count ?? 0);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Carried the data file's {Bookings} bookings and {Flights} flight records over to PostgreSQL (records it had already were kept)")]
    private static partial void LogCarried(ILogger logger, int bookings, int flights);
}

using System.Text.Json;
using CustomerCare.Bot.Operations;
using CustomerCare.Operations;
using Npgsql;

namespace CustomerCare.Bot.Storage.PostgreSql;

/// <summary>
/// Bookings and flight-operations records in PostgreSQL. What was read is kept in memory only while
/// <see cref="StoreChanges"/> listens for imports: every import, through any instance or the <c>import</c>
/// command, notifies <see cref="Channel"/> when it commits, and each instance then forgets what it kept. While
/// nobody listens (at start, or after the listening connection was lost), every read goes to the database.
/// </summary>
public sealed class PostgreSqlOperationsData(NpgsqlDataSource dataSource) : IOperationsStore
{
    /// <summary>The notification an import sends when it commits.</summary>
    public const string Channel = "operations_changed";

    private readonly KeptWhileListening<Booking> _bookings = new();
    private readonly KeptWhileListening<FlightOperation> _flights = new();

    public Task<Booking?> FindBookingAsync(string recordLocator, CancellationToken cancellationToken)
        => _bookings.GetAsync(recordLocator.Trim().ToUpperInvariant(), ReadBookingAsync);

    public Task<FlightOperation?> FindFlightAsync(string flightNumber, DateOnly scheduledDate, CancellationToken cancellationToken)
        => _flights.GetAsync(FlightKeys.Of(flightNumber, scheduledDate), ReadFlightAsync);

    /// <summary>Listening for imports: from now on what is read may be kept.</summary>
    internal void StartKeeping()
    {
        _bookings.StartKeeping();
        _flights.StartKeeping();
    }

    internal void StopKeeping()
    {
        _bookings.StopKeeping();
        _flights.StopKeeping();
    }

    /// <summary>An import committed somewhere.</summary>
    internal void Forget()
    {
        _bookings.Forget();
        _flights.Forget();
    }

    private async Task<Booking?> ReadBookingAsync(string key)
    {
        await using var connection = await dataSource.OpenConnectionAsync().ConfigureAwait(false);
        return await connection.ScalarAsync<string>("SELECT json FROM bookings WHERE record_locator = $1", CancellationToken.None, key).ConfigureAwait(false) is { } json
            ? JsonSerializer.Deserialize<Booking>(json, OperationsDataFile.Json)
            : null;
    }

    private async Task<FlightOperation?> ReadFlightAsync(string key)
    {
        await using var connection = await dataSource.OpenConnectionAsync().ConfigureAwait(false);
        return await connection.ScalarAsync<string>("SELECT json FROM flights WHERE flight_key = $1", CancellationToken.None, key).ConfigureAwait(false) is { } json
            ? JsonSerializer.Deserialize<FlightOperation>(json, OperationsDataFile.Json)
            : null;
    }

    public async Task<bool> HasBookingsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        return await connection.ScalarAsync<bool>("SELECT EXISTS (SELECT 1 FROM bookings)", cancellationToken).ConfigureAwait(false);
    }

    public Task<int> SaveAsync(IReadOnlyCollection<Booking> bookings, IReadOnlyCollection<FlightOperation> flights) => SaveAsync(bookings, flights, replace: true);

    /// <param name="replace">False when carrying a data file's records over: a record already here is newer and stays.</param>
    internal async Task<int> SaveAsync(IReadOnlyCollection<Booking> bookings, IReadOnlyCollection<FlightOperation> flights, bool replace)
    {
        try
        {
            return await TransientFaults.RetryAsync(async ct =>
            {
                var onConflict = replace ? "DO UPDATE SET json = excluded.json" : "DO NOTHING";
                await using var connection = await dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
                await using var transaction = await connection.BeginTransactionAsync(ct).ConfigureAwait(false);
                // One row per key even when a file repeats one (the last wins, as it did in the data file).
                var bookingRows = bookings.GroupBy(b => b.RecordLocator.ToUpperInvariant()).Select(g => (Key: g.Key, Json: JsonSerializer.Serialize(g.Last(), OperationsDataFile.Json))).ToList();
                var flightRows = flights.GroupBy(f => FlightKeys.Of(f.FlightNumber, f.ScheduledDate)).Select(g => (Key: g.Key, Json: JsonSerializer.Serialize(g.Last(), OperationsDataFile.Json))).ToList();
                await connection.ExecuteAsync($"INSERT INTO bookings (record_locator, json) SELECT * FROM unnest($1::text[], $2::text[]) ON CONFLICT (record_locator) {onConflict}", ct,
                    bookingRows.Select(r => r.Key).ToArray(), bookingRows.Select(r => r.Json).ToArray()).ConfigureAwait(false);
                await connection.ExecuteAsync($"INSERT INTO flights (flight_key, json) SELECT * FROM unnest($1::text[], $2::text[]) ON CONFLICT (flight_key) {onConflict}", ct,
                    flightRows.Select(r => r.Key).ToArray(), flightRows.Select(r => r.Json).ToArray()).ConfigureAwait(false);
                // Delivered to every listening instance when the transaction commits.
                await connection.ExecuteAsync($"NOTIFY {Channel}", ct).ConfigureAwait(false);
                await transaction.CommitAsync(ct).ConfigureAwait(false);
                return bookings.Count + flights.Count;
            }, CancellationToken.None).ConfigureAwait(false);
        }
        finally
        {
            Forget();
        }
    }
}

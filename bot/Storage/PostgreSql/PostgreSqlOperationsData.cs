using System.Text.Json;
using CustomerCare.Bot.Operations;
using CustomerCare.Operations;
using Npgsql;

namespace CustomerCare.Bot.Storage.PostgreSql;

/// <summary>
/// Bookings and flight-operations records in PostgreSQL. Nothing is kept in memory: an import through any instance, or
/// through the <c>import</c> command while instances run, is what the next read sees.
/// </summary>
public sealed class PostgreSqlOperationsData(NpgsqlDataSource dataSource) : IOperationsStore
{
    public async Task<Booking?> FindBookingAsync(string recordLocator, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        return await connection.ScalarAsync<string>("SELECT json FROM bookings WHERE record_locator = $1", cancellationToken, recordLocator.Trim().ToUpperInvariant())
            .ConfigureAwait(false) is { } json ? JsonSerializer.Deserialize<Booking>(json, OperationsDataFile.Json) : null;
    }

    public async Task<FlightOperation?> FindFlightAsync(string flightNumber, DateOnly scheduledDate, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        return await connection.ScalarAsync<string>("SELECT json FROM flights WHERE flight_key = $1", cancellationToken, FlightKeys.Of(flightNumber, scheduledDate))
            .ConfigureAwait(false) is { } json ? JsonSerializer.Deserialize<FlightOperation>(json, OperationsDataFile.Json) : null;
    }

    public async Task<bool> HasBookingsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        return await connection.ScalarAsync<bool>("SELECT EXISTS (SELECT 1 FROM bookings)", cancellationToken).ConfigureAwait(false);
    }

    public Task<int> SaveAsync(IReadOnlyCollection<Booking> bookings, IReadOnlyCollection<FlightOperation> flights) => SaveAsync(bookings, flights, replace: true);

    /// <param name="replace">False when carrying a data file's records over: a record already here is newer and stays.</param>
    internal Task<int> SaveAsync(IReadOnlyCollection<Booking> bookings, IReadOnlyCollection<FlightOperation> flights, bool replace)
        => TransientFaults.RetryAsync(async ct =>
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
            await transaction.CommitAsync(ct).ConfigureAwait(false);
            return bookings.Count + flights.Count;
        }, CancellationToken.None);
}

using CustomerCare.Bot.Operations;
using CustomerCare.Operations;
using LiteDB;
using JsonSerializer = System.Text.Json.JsonSerializer;

namespace CustomerCare.Bot.Storage;

/// <summary>
/// Bookings (keyed by record locator) and flight-operations records (keyed by flight and date) in LiteDB. They change
/// only by import (<see cref="SaveAsync"/>), so what was read is kept in memory until the next import commits.
/// </summary>
public sealed class LiteDbOperationsData(LiteDatabase database, LiteDbWriter writer) : IOperationsStore
{
    private const string Bookings = "bookings";
    private const string Flights = "flights";
    private readonly ReadThroughCache<Booking> _bookings = new();
    private readonly ReadThroughCache<FlightOperation> _flights = new();

    public Task<Booking?> FindBookingAsync(string recordLocator, CancellationToken cancellationToken)
        => Task.FromResult(_bookings.Get(recordLocator.Trim().ToUpperInvariant(), key => database.GetCollection(Bookings).FindById(key) is { } d
            ? JsonSerializer.Deserialize<Booking>(d["json"].AsString, OperationsDataFile.Json)
            : null));

    public Task<FlightOperation?> FindFlightAsync(string flightNumber, DateOnly scheduledDate, CancellationToken cancellationToken)
        => Task.FromResult(_flights.Get(FlightKey(flightNumber, scheduledDate), key => database.GetCollection(Flights).FindById(key) is { } d
            ? JsonSerializer.Deserialize<FlightOperation>(d["json"].AsString, OperationsDataFile.Json)
            : null));

    public Task<bool> HasBookingsAsync(CancellationToken cancellationToken) => Task.FromResult(database.GetCollection(Bookings).Count() > 0);

    /// <summary>Every booking and flight record in the data file (carried over when the bot moves to another store).</summary>
    public OperationsDataFile Export()
        => new(database.GetCollection(Bookings).FindAll().Select(d => JsonSerializer.Deserialize<Booking>(d["json"].AsString, OperationsDataFile.Json)!).ToList(),
            database.GetCollection(Flights).FindAll().Select(d => JsonSerializer.Deserialize<FlightOperation>(d["json"].AsString, OperationsDataFile.Json)!).ToList());

    /// <summary>Stores everything in one transaction: a file is imported whole or not at all.</summary>
    public async Task<int> SaveAsync(IReadOnlyCollection<Booking> bookings, IReadOnlyCollection<FlightOperation> flights)
    {
        try
        {
            return await writer.WriteAsync(db => Save(db, bookings, flights)).ConfigureAwait(false);
        }
        finally
        {
            _bookings.Invalidate();
            _flights.Invalidate();
        }
    }

    private static int Save(LiteDatabase db, IReadOnlyCollection<Booking> bookings, IReadOnlyCollection<FlightOperation> flights)
    {
        var bookingCollection = db.GetCollection(Bookings);
        var flightCollection = db.GetCollection(Flights);
        foreach (var booking in bookings)
        {
            bookingCollection.Upsert(new BsonDocument
            {
                ["_id"] = booking.RecordLocator.ToUpperInvariant(),
                ["json"] = JsonSerializer.Serialize(booking, OperationsDataFile.Json),
            });
        }
        foreach (var flight in flights)
        {
            flightCollection.Upsert(new BsonDocument
            {
                ["_id"] = FlightKey(flight.FlightNumber, flight.ScheduledDate),
                ["json"] = JsonSerializer.Serialize(flight, OperationsDataFile.Json),
            });
        }
        return bookings.Count + flights.Count;
    }

    private static string FlightKey(string flightNumber, DateOnly date) => FlightKeys.Of(flightNumber, date);
}

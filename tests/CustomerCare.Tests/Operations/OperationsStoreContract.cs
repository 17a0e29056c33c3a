using CustomerCare.Bot.Operations;
using CustomerCare.Bot.Storage;
using CustomerCare.Bot.Storage.PostgreSql;
using CustomerCare.Operations;
using CustomerCare.Remedies;
using CustomerCare.Tests.Support;
using Npgsql;

namespace CustomerCare.Tests.Operations;

/// <summary>What every store of bookings and flight records promises: each test runs against LiteDB and PostgreSQL.</summary>
public abstract class OperationsStoreContract : IAsyncLifetime
{
    private static readonly DateTime Departure = new(2026, 11, 18, 10, 0, 0, DateTimeKind.Utc);

    protected IOperationsStore Store { get; set; } = null!;

    public abstract Task InitializeAsync();

    public abstract Task DisposeAsync();

    private static Booking Booking(string locator, string lastName) => new(locator,
        [new Passenger(locator + "-1", "Ana", lastName, LoyaltyTier.Gold, "ana@example.com", "2201234567890")],
        [new Segment("CC400", "FRA", "JFK", Departure, Departure.AddHours(8.5), 640.50m, "EUR")]);

    private static FlightOperation Flight(int delayMinutes) => new("CC400", DateOnly.FromDateTime(Departure), "FRA", "JFK", Departure, Departure.AddHours(8.5),
        Departure.AddMinutes(delayMinutes), Departure.AddHours(8.5).AddMinutes(delayMinutes), false, null, null, null, "TECHNICAL", false, true);

    [Fact]
    public async Task ImportedRecords_AreFoundByLocatorAndFlight_AndAnImportAgainReplacesThem()
    {
        Assert.False(await Store.HasBookingsAsync(CancellationToken.None));

        await Store.SaveAsync([Booking("OPS001", "Import")], [Flight(30)]);
        var first = await Store.FindBookingAsync(" ops001 ", CancellationToken.None);
        await Store.SaveAsync([Booking("OPS001", "Again"), Booking("OPS002", "Other")], [Flight(250)]);

        Assert.True(await Store.HasBookingsAsync(CancellationToken.None));
        Assert.Equal("Import", first!.Passengers[0].LastName);
        Assert.Equal(("Again", 640.50m, "2201234567890"), (await Store.FindBookingAsync("OPS001", CancellationToken.None)) is { } b
            ? (b.Passengers[0].LastName, b.Segments[0].Fare, b.Passengers[0].TicketNumber) : default);
        Assert.Equal(TimeSpan.FromMinutes(250), (await Store.FindFlightAsync("cc400", DateOnly.FromDateTime(Departure), CancellationToken.None))!.ArrivalDelay);
        Assert.Null(await Store.FindFlightAsync("CC400", DateOnly.FromDateTime(Departure).AddDays(1), CancellationToken.None));
        Assert.Null(await Store.FindBookingAsync("OPS404", CancellationToken.None));
    }

    [Fact]
    public async Task AFileThatNamesOneBookingTwice_KeepsTheLast()
    {
        await Store.SaveAsync([Booking("OPS003", "First"), Booking("OPS003", "Second")], []);

        Assert.Equal("Second", (await Store.FindBookingAsync("OPS003", CancellationToken.None))!.Passengers[0].LastName);
    }
}

public sealed class LiteDbOperationsStoreTests : OperationsStoreContract
{
    private readonly LiteDbFile _file = LiteDbFile.Open(BotHost.TempDataPath());
    private LiteDbWriter? _writer;

    public override Task InitializeAsync()
    {
        _writer = new LiteDbWriter(_file);
        Store = new LiteDbOperationsData(_file.Database, _writer);
        return Task.CompletedTask;
    }

    public override Task DisposeAsync()
    {
        _writer?.Dispose();
        _file.Dispose();
        return Task.CompletedTask;
    }
}

public sealed class PostgreSqlOperationsStoreTests : OperationsStoreContract
{
    private NpgsqlDataSource? _dataSource;

    public override async Task InitializeAsync()
    {
        _dataSource = NpgsqlDataSource.Create(await (await PostgreSqlServer.SharedAsync()).CreateDatabaseAsync(nameof(PostgreSqlOperationsStoreTests)));
        await SchemaMigrator.MigrateAsync(_dataSource, CancellationToken.None);
        Store = new PostgreSqlOperationsData(_dataSource);
    }

    public override async Task DisposeAsync()
    {
        if (_dataSource is not null)
        {
            await _dataSource.DisposeAsync();
        }
    }
}

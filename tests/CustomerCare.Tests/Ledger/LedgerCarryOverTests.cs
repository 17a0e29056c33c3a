using CustomerCare.Bot.Storage;
using CustomerCare.Bot.Storage.PostgreSql;
using CustomerCare.Ledger;
using CustomerCare.Remedies;
using CustomerCare.Tests.Support;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace CustomerCare.Tests.Ledger;

/// <summary>A data file's ledger carried over to PostgreSQL: its grants hold there, its refused attempts count there, and carrying twice adds nothing.</summary>
public sealed class LedgerCarryOverTests
{
    [Fact]
    public async Task TheDataFilesLedger_CarriedOver_HoldsItsJourneys_CountsItsRefusals_AndIsCarriedOnce()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 9, 30, 0, TimeSpan.Zero));
        using var file = LiteDbFile.Open(":memory:");
        using var writer = new LiteDbWriter(file);
        var dataFile = new LiteDbLedger(file.Database, writer, clock);
        var alex = LedgerRequests.Passenger(passengerId: "P1", ticket: "220-0000000001");
        var sam = LedgerRequests.Passenger(passengerId: "P2", first: "Sam", last: "Other");
        var granted = Assert.IsType<GrantOutcome.Granted>(await dataFile.TryGrantAsync(LedgerRequests.Request(alex, LedgerRequests.Bot()), CancellationToken.None));
        await dataFile.TryGrantAsync(LedgerRequests.Request(sam, LedgerRequests.Bot()), CancellationToken.None);
        Assert.IsType<GrantOutcome.AlreadyGranted>(await dataFile.TryGrantAsync(LedgerRequests.Request(alex, LedgerRequests.Agent()), CancellationToken.None));
        await using var dataSource = NpgsqlDataSource.Create(await (await PostgreSqlServer.SharedAsync()).CreateDatabaseAsync(nameof(LedgerCarryOverTests)));
        await SchemaMigrator.MigrateAsync(dataSource, CancellationToken.None);
        var server = new PostgreSqlLedger(dataSource, clock);

        var first = await LedgerCarryOver.CarryOverAsync(dataSource, dataFile.Export(), CancellationToken.None);
        var second = await LedgerCarryOver.CarryOverAsync(dataSource, dataFile.Export(), CancellationToken.None);

        Assert.Equal((2, 1, 0), (first.GrantsAdded, first.RefusalsAdded, first.HeldTwice.Count));
        Assert.Equal((0, 0, 0), (second.GrantsAdded, second.RefusalsAdded, second.HeldTwice.Count));
        Assert.Equal(1, await server.RefusedSecondGrantsAsync(CancellationToken.None));
        Assert.Equal([granted.Entry.Reference], await server.RefusedGrantReferencesAsync(DateTime.MinValue, DateTime.MaxValue, CancellationToken.None));
        // Under the ticket alone (a reissued booking, a corrected name), the carried claims still hold the journey.
        var reissued = LedgerRequests.Passenger(booking: "NEW001", passengerId: "X9", first: "Alexander", last: "Sampleton", ticket: "2200000000001");
        var again = Assert.IsType<GrantOutcome.AlreadyGranted>(await server.TryGrantAsync(LedgerRequests.Request(reissued, LedgerRequests.Agent()), CancellationToken.None));
        Assert.Equal(granted.Entry.Reference, again.Existing.Reference);
        Assert.Equal(granted.Entry.Reference, (await server.HoldersAsync(alex, [RemedyKind.Compensation], DisruptionFamily.Flight, CancellationToken.None))[RemedyKind.Compensation].Reference);
        Assert.Equal(2, (await server.ForBookingAsync("K7QX2M", CancellationToken.None)).Count);
    }

    [Fact]
    public async Task AGrantBothStoresMade_IsCarriedAndNamed_AndADifferentGrantUnderTheSameReference_StopsTheCarryOver()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 9, 30, 0, TimeSpan.Zero));
        await using var dataSource = NpgsqlDataSource.Create(await (await PostgreSqlServer.SharedAsync()).CreateDatabaseAsync(nameof(LedgerCarryOverTests) + "Clash"));
        await SchemaMigrator.MigrateAsync(dataSource, CancellationToken.None);
        var alex = LedgerRequests.Passenger(passengerId: "P1");
        var sam = LedgerRequests.Passenger(booking: "OTHER1", passengerId: "S1", first: "Sam", last: "Else");
        var inPostgreSql = Assert.IsType<GrantOutcome.Granted>(await new PostgreSqlLedger(dataSource, clock, () => "G-SAME2222").TryGrantAsync(LedgerRequests.Request(alex, LedgerRequests.Bot()), CancellationToken.None));

        using var file = LiteDbFile.Open(":memory:");
        using var writer = new LiteDbWriter(file);
        var references = new Queue<string>(["G-LITE3333", "G-SAME2222"]);
        var dataFile = new LiteDbLedger(file.Database, writer, clock, newReference: references.Dequeue);
        var twice = Assert.IsType<GrantOutcome.Granted>(await dataFile.TryGrantAsync(LedgerRequests.Request(alex, LedgerRequests.Agent()), CancellationToken.None));

        var carried = await LedgerCarryOver.CarryOverAsync(dataSource, dataFile.Export(), CancellationToken.None);

        Assert.Equal([twice.Entry.Reference], carried.HeldTwice);
        Assert.Equal(2, (await new PostgreSqlLedger(dataSource, clock).ForBookingAsync("K7QX2M", CancellationToken.None)).Count);

        // Sam's grant in the data file happens to have the reference of Alex's grant in PostgreSQL.
        await dataFile.TryGrantAsync(LedgerRequests.Request(sam, LedgerRequests.Bot()), CancellationToken.None);
        var clash = await Assert.ThrowsAsync<InvalidOperationException>(() => LedgerCarryOver.CarryOverAsync(dataSource, dataFile.Export(), CancellationToken.None));
        Assert.Contains($"Grant {inPostgreSql.Entry.Reference} of the data file cannot be carried over", clash.Message, StringComparison.Ordinal);
        Assert.Empty(await new PostgreSqlLedger(dataSource, clock).ForBookingAsync("OTHER1", CancellationToken.None));
    }
}

using CustomerCare.Bot.Storage.PostgreSql;
using CustomerCare.Builder;
using CustomerCare.Ledger;
using CustomerCare.Tests.Support;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace CustomerCare.Tests.Storage;

/// <summary>PostgreSQL commits a write and the connection dies before the bot hears it: the bot reports what was committed, not a failure or a conflict.</summary>
public sealed class LostAcknowledgementTests
{
    private static async Task<(NpgsqlDataSource Through, AcknowledgementDroppingProxy Proxy, NpgsqlDataSource Direct)> BehindAProxyAsync(string purpose)
    {
        var connectionString = await (await PostgreSqlServer.SharedAsync()).CreateDatabaseAsync(purpose);
        var direct = NpgsqlDataSource.Create(connectionString);
        await SchemaMigrator.MigrateAsync(direct, CancellationToken.None);
        var real = new NpgsqlConnectionStringBuilder(connectionString);
        var proxy = AcknowledgementDroppingProxy.Start(real.Host!, real.Port);
        var through = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(connectionString) { Port = proxy.Port, Pooling = false }.ConnectionString);
        return (through, proxy, direct);
    }

    [Fact]
    public async Task AStateWrite_WhoseAcknowledgementIsLost_ReturnsItsETag_NotAConflict()
    {
        var (through, proxy, direct) = await BehindAProxyAsync(nameof(LostAcknowledgementTests) + "State");
        await using var _ = through;
        await using var __ = proxy;
        await using var ___ = direct;
        var storage = new PostgreSqlStorage(through);
        var first = await storage.WriteAsync("conv/1", new StoreItem("""{"step":1}""", null), CancellationToken.None);

        proxy.DropNext("UPDATE 1");
        var second = await storage.WriteAsync("conv/1", new StoreItem("""{"step":2}""", first), CancellationToken.None);

        Assert.Equal(1, proxy.Dropped);
        Assert.Equal(new StoreItem("""{"step":2}""", second), await new PostgreSqlStorage(direct).ReadAsync("conv/1", CancellationToken.None));
        proxy.DropNext("INSERT 0 1");
        var created = await storage.WriteAsync("conv/2", new StoreItem("{}", null), CancellationToken.None);
        Assert.Equal((2, "1"), (proxy.Dropped, created));
    }

    [Fact]
    public async Task AGrant_WhoseCommitIsNotAcknowledged_IsReportedGranted_Once()
    {
        var (through, proxy, direct) = await BehindAProxyAsync(nameof(LostAcknowledgementTests) + "Grant");
        await using var _ = through;
        await using var __ = proxy;
        await using var ___ = direct;
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 9, 30, 0, TimeSpan.Zero));
        var who = LedgerRequests.Passenger();

        proxy.DropNext("COMMIT");
        var outcome = await new PostgreSqlLedger(through, clock).TryGrantAsync(LedgerRequests.Request(who, LedgerRequests.Bot()), CancellationToken.None);

        Assert.Equal(1, proxy.Dropped);
        var granted = Assert.IsType<GrantOutcome.Granted>(outcome);
        Assert.Equal(granted.Entry.Reference, Assert.Single(await new PostgreSqlLedger(direct, clock).ForBookingAsync(who.BookingReference, CancellationToken.None)).Reference);
    }
}

using CustomerCare.Bot.Operations;
using CustomerCare.Bot.Storage;
using CustomerCare.Operations;
using CustomerCare.Remedies;

namespace CustomerCare.Tests.Storage;

public sealed class ReadThroughCacheTests
{
    [Fact]
    public void SecondRead_IsAnsweredFromMemory_AndAbsenceIsRemembered()
    {
        var cache = new ReadThroughCache<string>();
        var reads = new List<string>();
        string? Read(string key)
        {
            reads.Add(key);
            return key == "known" ? "value" : null;
        }

        Assert.Equal("value", cache.Get("known", Read));
        Assert.Equal("value", cache.Get("known", Read));
        Assert.Null(cache.Get("unknown", Read));
        Assert.Null(cache.Get("unknown", Read));
        Assert.Equal(["known", "unknown"], reads);
    }

    [Fact]
    public void ReadThatRacedWithAWrite_IsNotKept()
    {
        var cache = new ReadThroughCache<string>();

        // The write commits (and invalidates) while this read is still on its way with the old document.
        var first = cache.Get("k", _ =>
        {
            cache.Invalidate();
            return "old";
        });
        var second = cache.Get("k", _ => "new");

        Assert.Equal("old", first);
        Assert.Equal("new", second);
    }

    [Fact]
    public void AWriteCommittedWhileAReadIsBeingKept_NeverLeavesTheOldValueBehind()
    {
        const int Rounds = 100_000;
        var caches = Enumerable.Range(0, Rounds).Select(_ => new ReadThroughCache<string>()).ToArray();
        var stored = new string[Rounds];
        using var start = new Barrier(2);
        using var done = new Barrier(2);
        // Each round, one thread reads the old value while the other commits the new one and invalidates.
        var reader = new Thread(() =>
        {
            for (var round = 0; round < Rounds; round++)
            {
                start.SignalAndWait();
                caches[round].Get("k", _ => Volatile.Read(ref stored[round]) ?? "old");
                done.SignalAndWait();
            }
        });
        reader.Start();
        var stale = 0;
        for (var round = 0; round < Rounds; round++)
        {
            start.SignalAndWait();
            Volatile.Write(ref stored[round], "new");
            caches[round].Invalidate();
            done.SignalAndWait();
            if (caches[round].Get("k", _ => "new") != "new")
            {
                stale++;
            }
        }
        reader.Join();

        Assert.Equal(0, stale);
    }

    [Fact]
    public async Task Booking_ChangedByAnImport_IsReadAgain()
    {
        using var file = LiteDbFile.Open(":memory:");
        using var writer = new LiteDbWriter(file);
        var operations = new LiteDbOperationsData(file.Database, writer);
        var segment = new Segment("CC 400", "FRA", "LHR", new DateTime(2026, 11, 1, 8, 0, 0, DateTimeKind.Utc), new DateTime(2026, 11, 1, 9, 30, 0, DateTimeKind.Utc), 120m, "EUR");
        await operations.SaveAsync([new Booking("ABC123", [new Passenger("p1", "Ada", "Probe", LoyaltyTier.Basic)], [segment])], []);
        Assert.Equal("Probe", (await operations.FindBookingAsync("abc123", CancellationToken.None))!.Passengers[0].LastName);

        await operations.SaveAsync([new Booking("ABC123", [new Passenger("p1", "Ada", "Lovelace", LoyaltyTier.Basic)], [segment])], []);

        Assert.Equal("Lovelace", (await operations.FindBookingAsync("ABC123", CancellationToken.None))!.Passengers[0].LastName);
    }
}

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

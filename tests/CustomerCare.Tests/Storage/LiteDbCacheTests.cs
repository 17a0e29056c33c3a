using System.Reflection;
using CustomerCare.Bot.Storage;
using CustomerCare.Tests.Support;
using LiteDB;

namespace CustomerCare.Tests.Storage;

public sealed class LiteDbCacheTests
{
    [Fact]
    public void PageCache_AfterReadingThousandsOfPages_StaysWithinAFewMegabytes()
    {
        using var file = LiteDbFile.Open(BotHost.TempDataPath());
        var collection = file.Database.GetCollection("pages");
        var filler = new string('x', 6_000);
        foreach (var batch in Enumerable.Range(0, 3_000).Chunk(50))
        {
            // One transaction each, as the writer commits its batches.
            collection.InsertBulk(batch.Select(i => new BsonDocument { ["_id"] = i, ["text"] = filler }));
        }

        var read = Enumerable.Range(0, 3_000).Count(i => collection.FindById(i) is not null);

        Assert.Equal(3_000, read);
        // With LiteDB's own segments (up to 1,000 pages each) this takes 1,662 pages (13 MB); here 1,162.
        Assert.InRange(CachedPages(file.Database), 1, 1_200);
    }

    /// <summary>LiteDatabase._engine._disk._cache.ExtendPages of the pinned LiteDB 5.0.20.</summary>
    private static int CachedPages(LiteDatabase database)
    {
        const BindingFlags Private = BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public;
        var engine = typeof(LiteDatabase).GetField("_engine", Private)!.GetValue(database)!;
        var disk = engine.GetType().GetField("_disk", Private)!.GetValue(engine)!;
        var cache = disk.GetType().GetField("_cache", Private)!.GetValue(disk)!;
        return (int)cache.GetType().GetProperty("ExtendPages", Private)!.GetValue(cache)!;
    }
}

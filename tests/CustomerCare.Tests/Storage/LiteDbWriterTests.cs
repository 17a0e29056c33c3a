using CustomerCare.Bot.Storage;
using CustomerCare.Builder;
using CustomerCare.Tests.Support;
using LiteDB;

namespace CustomerCare.Tests.Storage;

public sealed class LiteDbWriterTests
{
    [Fact]
    public async Task AcknowledgedWrite_IsAlreadyInTheFilesOnDisk_WhileTheDatabaseIsStillOpen()
    {
        var path = BotHost.TempDataPath();
        using var file = LiteDbFile.Open(path);
        using var writer = new LiteDbWriter(file);
        var storage = new LiteDbStorage(file.Database, writer);

        await storage.WriteAsync("directline/conversations/c1", new StoreItem("""{"step":3}""", null), CancellationToken.None);

        // A copy of the files as they are on disk now is what a killed process would leave behind.
        var copy = BotHost.TempDataPath();
        Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
        CopyShared(path, copy);
        CopyShared(LogOf(path), LogOf(copy));
        using var recovered = new LiteDatabase(copy);
        Assert.Equal("""{"step":3}""", recovered.GetCollection("state").FindById("directline/conversations/c1")["json"].AsString);
    }

    [Fact]
    public async Task AWriteLiteDbRefuses_FailsAlone_TheOtherWritesOfItsBatchAreCommitted()
    {
        using var file = LiteDbFile.Open(BotHost.TempDataPath());
        using var writer = new LiteDbWriter(file);
        for (var round = 0; round < 20; round++)
        {
            // Queued together, so that they usually share one batch: the middle one's key is over LiteDB's 1,023 bytes.
            var before = writer.WriteAsync(db => db.GetCollection("things").Insert(new BsonDocument { ["_id"] = "before-" + round }));
            var refused = writer.WriteAsync(db => db.GetCollection("things").Insert(new BsonDocument { ["_id"] = new string('x', 2_000) + round }));
            var after = writer.WriteAsync(db => db.GetCollection("things").Insert(new BsonDocument { ["_id"] = "after-" + round }));
            await Task.WhenAll(before, refused, after).ContinueWith(_ => { }, TaskScheduler.Default);

            Assert.True(before.IsCompletedSuccessfully && after.IsCompletedSuccessfully, "a write of the batch failed with the refused one");
            Assert.IsType<LiteException>(refused.Exception?.InnerException);
            Assert.NotNull(file.Database.GetCollection("things").FindById("before-" + round));
            Assert.NotNull(file.Database.GetCollection("things").FindById("after-" + round));
        }
    }

    [Fact]
    public async Task AWriteThatSwallowsLiteDbsError_NeverLetsAnotherWriteOfItsBatchReportDoneAndBeLost()
    {
        using var file = LiteDbFile.Open(BotHost.TempDataPath());
        using var writer = new LiteDbWriter(file);
        await writer.WriteAsync(db => db.GetCollection("things").Insert(new BsonDocument { ["_id"] = "taken" }));
        for (var round = 0; round < 20; round++)
        {
            // Queued together, so that they usually share one batch.
            var before = writer.WriteAsync(db => db.GetCollection("things").Insert(new BsonDocument { ["_id"] = "before-" + round }));
            var swallowing = writer.WriteAsync(db =>
            {
                try
                {
                    db.GetCollection("things").Insert(new BsonDocument { ["_id"] = "taken" });
                }
                catch (LiteException)
                {
                    // LiteDB has ended the batch's transaction by now.
                }
                return true;
            });
            var after = writer.WriteAsync(db => db.GetCollection("things").Insert(new BsonDocument { ["_id"] = "after-" + round }));
            await Task.WhenAll(before, swallowing, after).ContinueWith(_ => { }, TaskScheduler.Default);

            foreach (var (write, id) in new[] { (before, "before-" + round), (after, "after-" + round) })
            {
                Assert.Equal(write.IsCompletedSuccessfully, file.Database.GetCollection("things").FindById(id) is not null);
            }
        }
    }

    [Fact]
    public async Task ConcurrentWrites_WithStaleETags_OnlyTheFirstWins_AndTheOthersFailAlone()
    {
        using var file = LiteDbFile.Open(":memory:");
        using var writer = new LiteDbWriter(file);
        var storage = new LiteDbStorage(file.Database, writer);
        var first = await storage.WriteAsync("k", new StoreItem("v1", null), CancellationToken.None);

        var attempts = Enumerable.Range(0, 20).Select(i => storage.WriteAsync("k", new StoreItem("v" + i, first), CancellationToken.None)).ToList();
        var outcomes = await Task.WhenAll(attempts.Select(async t => { try { await t; return true; } catch (StorageConflictException) { return false; } }));

        Assert.Equal(1, outcomes.Count(ok => ok));
        Assert.Equal("2", (await storage.ReadAsync("k", CancellationToken.None))!.ETag);
    }

    [Fact]
    public void SecondProcessOpeningTheSameFile_IsRefused()
    {
        var path = BotHost.TempDataPath();
        using var file = LiteDbFile.Open(path);

        Assert.Throws<IOException>(() => LiteDbFile.Open(path));
    }

    private static string LogOf(string path) => Path.ChangeExtension(path, null) + "-log" + Path.GetExtension(path);

    /// <summary>Copies with cp, as another process would see the file (this process holds it exclusively).</summary>
    private static void CopyShared(string from, string to)
    {
        using var copy = System.Diagnostics.Process.Start("cp", [from, to])!;
        copy.WaitForExit();
        Assert.Equal(0, copy.ExitCode);
    }
}

using CustomerCare.Bot.Storage;
using CustomerCare.Bot.Supervisors;
using CustomerCare.Builder;
using LiteDB;

namespace CustomerCare.Tests.Storage;

public sealed class WrittenDocumentsTests
{
    [Fact]
    public async Task Get_ReadsTheFileOnce_ThenAnswersWithWhatWasWritten()
    {
        using var file = LiteDbFile.Open(":memory:");
        using var writer = new LiteDbWriter(file);
        var written = new WrittenDocuments<string>(writer);
        var reads = 0;
        string? Read(string key)
        {
            reads++;
            return "from file";
        }

        var first = await writer.WriteAsync(_ => written.Get("k", Read));
        await writer.WriteAsync(_ =>
        {
            written.Set("k", "written");
            return 0;
        });
        var second = await writer.WriteAsync(_ => written.Get("k", Read));

        Assert.Equal("from file", first);
        Assert.Equal("written", second);
        Assert.Equal(1, reads);
    }

    [Fact]
    public async Task ValueSetInABatchThatRolledBack_IsForgotten_AndTheFileIsReadAgain()
    {
        using var file = LiteDbFile.Open(":memory:");
        using var writer = new LiteDbWriter(file);
        var written = new WrittenDocuments<string>(writer);
        await writer.WriteAsync(_ =>
        {
            written.Set("k", "committed");
            return 0;
        });

        await Assert.ThrowsAsync<LiteException>(() => writer.WriteAsync<int>(_ =>
        {
            written.Set("k", "rolled back");
            throw new LiteException(0, "disk full");
        }));
        var after = await writer.WriteAsync(_ => written.Get("k", _ => "from file"));

        Assert.Equal("from file", after);
    }

    [Fact]
    public async Task WhenFull_ItStartsOver_AndStillAnswersFromTheFile()
    {
        using var file = LiteDbFile.Open(":memory:");
        using var writer = new LiteDbWriter(file);
        var written = new WrittenDocuments<string>(writer, capacity: 2);

        var answers = await writer.WriteAsync(_ =>
        {
            written.Set("a", "A");
            written.Set("b", "B");
            written.Set("c", "C");
            return (written.Get("a", _ => "a from file"), written.Get("c", _ => "c from file"));
        });

        Assert.Equal(("a from file", "C"), answers);
    }

    [Fact]
    public async Task StateWrite_AfterARolledBackBatch_ComparesWithTheCommittedETag()
    {
        using var file = LiteDbFile.Open(":memory:");
        using var writer = new LiteDbWriter(file);
        var storage = new LiteDbStorage(file.Database, writer);
        var first = await storage.WriteAsync("k", new StoreItem("v1", null), CancellationToken.None);

        // Another write in the same batch fails the batch: the state write inside it is rolled back with it. The
        // writer is held inside a first batch until both are queued, so the two land in the next batch together.
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var blocker = new TaskCompletionSource();
        var holding = writer.WriteAsync(_ =>
        {
            started.SetResult();
            blocker.Task.Wait();
            return 0;
        });
        await started.Task;
        var rolledBack = storage.WriteAsync("k", new StoreItem("v2", first), CancellationToken.None);
        var failing = writer.WriteAsync<int>(_ => throw new LiteException(0, "disk full"));
        blocker.SetResult();
        await holding;
        await Assert.ThrowsAsync<LiteException>(() => rolledBack);
        await Assert.ThrowsAsync<LiteException>(() => failing);

        var retried = await storage.WriteAsync("k", new StoreItem("v2", first), CancellationToken.None);

        Assert.Equal("2", retried);
        Assert.Equal("v2", file.Database.GetCollection("state").FindById("k")["json"].AsString);
    }

    [Fact]
    public void ConversationIndex_DropsTheLastActivityIndex_ThatOlderDataFilesHave()
    {
        using var file = LiteDbFile.Open(":memory:");
        using var writer = new LiteDbWriter(file);
        file.Database.GetCollection(ConversationIndex.CollectionName).EnsureIndex("lastUtc");

        _ = new ConversationIndex(file.Database, writer);

        var indexes = file.Database.GetCollection("$indexes").Find(Query.All()).Where(i => i["collection"] == ConversationIndex.CollectionName).Select(i => i["name"].AsString);
        Assert.DoesNotContain("lastUtc", indexes);
    }
}

using CustomerCare.Tests.Support;
using CustomerCare.Bot.Storage;
using CustomerCare.Bot.Transcripts;
using LiteDB;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CustomerCare.Tests.Storage;

public sealed class TranscriptWriterTests
{
    [Theory]
    [InlineData(1000, 1)]
    [InlineData(0, 3)]
    public async Task EntriesArrivingWithinTheGatheringTime_AreStoredAsOneChunk_AndAllArrive(int gatherMilliseconds, int expectedChunks)
    {
        using var file = LiteDbFile.Open(":memory:");
        using var writer = new LiteDbWriter(file);
        var store = new TranscriptStore(file.Database, writer);
        var queue = Queue();
        var options = Options.Create(new StorageOptions { TranscriptFlushMilliseconds = gatherMilliseconds });
        using var transcripts = new TranscriptWriter(queue, store, options, NullLogger<TranscriptWriter>.Instance);
        await transcripts.StartAsync(CancellationToken.None);

        foreach (var text in new[] { "one", "two", "three" })
        {
            await queue.EnqueueAsync(Entry(text));
            await Until(() => gatherMilliseconds > 0 || store.GetActivities("webchat", "c1").Any(a => a.Text == text));
        }
        await Until(() => store.GetActivities("webchat", "c1").Count == 3);

        Assert.Equal(["one", "two", "three"], store.GetActivities("webchat", "c1").Select(a => a.Text));
        Assert.Equal(expectedChunks, file.Database.GetCollection(TranscriptStore.CollectionName).Count());
        await transcripts.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task EntriesStillGathering_AreWrittenOnShutdown()
    {
        using var file = LiteDbFile.Open(":memory:");
        using var writer = new LiteDbWriter(file);
        var store = new TranscriptStore(file.Database, writer);
        var queue = Queue();
        using var transcripts = new TranscriptWriter(queue, store, Options.Create(new StorageOptions { TranscriptFlushMilliseconds = 10_000 }), NullLogger<TranscriptWriter>.Instance);
        await transcripts.StartAsync(CancellationToken.None);

        await queue.EnqueueAsync(Entry("last words"));
        await Task.Delay(50);
        await transcripts.StopAsync(CancellationToken.None);

        Assert.Equal(["last words"], store.GetActivities("webchat", "c1").Select(a => a.Text));
    }

    [Fact]
    public async Task AnEntryTheStoreRefuses_CostsOnlyItself_TheRestOfItsBatchIsWritten()
    {
        using var file = LiteDbFile.Open(":memory:");
        using var writer = new LiteDbWriter(file);
        var store = new TranscriptStore(file.Database, writer);
        var hostile = Entry("hostile") with { ConversationId = new string('x', 2_000) };
        // The store itself refuses it (an index key over LiteDB's 1,023 bytes), so the writer has something to isolate.
        await Assert.ThrowsAsync<LiteException>(() => store.AppendAsync([hostile]));
        var queue = Queue();
        using var transcripts = new TranscriptWriter(queue, store, Options.Create(new StorageOptions { TranscriptFlushMilliseconds = 300 }), NullLogger<TranscriptWriter>.Instance);
        await transcripts.StartAsync(CancellationToken.None);

        await queue.EnqueueAsync(Entry("one"));
        await queue.EnqueueAsync(hostile);
        await queue.EnqueueAsync(Entry("two"));
        await queue.EnqueueAsync(Entry("other") with { ConversationId = "c2" });
        await Until(() => store.GetActivities("webchat", "c1").Count == 2 && store.GetActivities("webchat", "c2").Count == 1);
        await transcripts.StopAsync(CancellationToken.None);

        Assert.Equal(["one", "two"], store.GetActivities("webchat", "c1").Select(a => a.Text));
    }

    [Fact]
    public async Task AFullQueue_HoldsTheTurnUntilTheWriterMakesRoom_AndDropsTheEntryOnlyWhenNoRoomComesInTime()
    {
        var queue = Queue(capacity: 100, waitMilliseconds: 300);
        for (var i = 0; i < 100; i++)
        {
            Assert.True(await queue.EnqueueAsync(Entry("m" + i)));
        }

        var started = DateTime.UtcNow;
        Assert.False(await queue.EnqueueAsync(Entry("no room")));
        Assert.InRange(DateTime.UtcNow - started, TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(10));
        Assert.Equal(100, queue.Count);

        var waiting = queue.EnqueueAsync(Entry("room made")).AsTask();
        Assert.False(waiting.IsCompleted);
        Assert.True(queue.Reader.TryRead(out var first));
        Assert.True(await waiting);
        Assert.Equal("m0", JsonNodeText(first!));
        Assert.Equal(100, queue.Count);
    }

    private static string? JsonNodeText(TranscriptEntry entry) => System.Text.Json.Nodes.JsonNode.Parse(entry.Json)!["text"]!.GetValue<string>();

    private static TranscriptQueue Queue(int capacity = 10_000, int waitMilliseconds = 5_000)
        => new(capacity, TimeSpan.FromMilliseconds(waitMilliseconds), NullLogger<TranscriptQueue>.Instance);

    private static TranscriptEntry Entry(string text)
        => new("webchat", "c1", DateTime.UtcNow, "user", "message", $$$"""{"type":"message","text":"{{{text}}}","conversation":{"id":"c1"}}""");

    private static async Task Until(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out");
            await Task.Delay(10);
        }
    }
}

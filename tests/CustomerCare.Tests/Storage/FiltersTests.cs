using CustomerCare.Tests.Support;
using System.Collections;
using System.Reflection;
using CustomerCare.Bot.Storage;
using CustomerCare.Bot.Transcripts;
using LiteDB;

namespace CustomerCare.Tests.Storage;

public sealed class FiltersTests
{
    [Fact]
    public void LookupsForNewConversationsAndBookings_CompileNothingNew()
    {
        using var file = LiteDbFile.Open(":memory:");
        using var writer = new LiteDbWriter(file);
        var ledger = new LiteDbLedger(file.Database, writer, TimeProvider.System);
        var cases = new LiteDbCaseStore(file.Database, writer, TimeProvider.System);
        var transcripts = new TranscriptStore(file.Database, writer);
        void LookUp(int i)
        {
            var conversation = Marker + "-conversation-" + i;
            _ = ledger.ForConversationAsync("webchat", conversation, CancellationToken.None).Result;
            _ = ledger.RefusalsInConversationAsync("webchat", conversation, CancellationToken.None).Result;
            _ = ledger.ForBookingAsync(Marker + i, CancellationToken.None).Result;
            _ = cases.HeldForCustomerAsync("webchat", conversation, CancellationToken.None).Result;
            _ = cases.OpenForCustomerAsync("webchat", conversation, CancellationToken.None).Result;
            _ = cases.InThreadAsync(Marker + "-thread-" + i, CancellationToken.None).Result;
            _ = cases.ForConversationAsync("webchat", conversation, CancellationToken.None).Result;
            _ = transcripts.Exists("webchat", conversation);
            _ = transcripts.GetActivities("webchat", conversation);
        }
        for (var i = 0; i < 50; i++)
        {
            LookUp(i);
        }

        Assert.DoesNotContain(CompiledFilterTexts(), text => text.Contains(Marker, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task TranscriptOfAConversation_IsExactlyItsOwn_EvenWhenOtherIdsMatchAsLikePatternsOrIgnoringCase()
    {
        using var file = LiteDbFile.Open(":memory:");
        using var writer = new LiteDbWriter(file);
        var transcripts = new TranscriptStore(file.Database, writer);
        foreach (var conversation in OtherConversations.Prepend("a_c"))
        {
            await transcripts.AppendAsync([Entry(conversation)]);
        }

        var activities = transcripts.GetActivities("webchat", "a_c");

        Assert.Equal(["a_c"], activities.Select(a => a.Text));
        var deleted = await writer.WriteAsync(db => TranscriptStore.Delete(db, "webchat/a_c"));
        Assert.Equal(1, deleted);
        Assert.False(transcripts.Exists("webchat", "a_c"));
        Assert.All(OtherConversations, other => Assert.True(transcripts.Exists("webchat", other), other));
    }

    [Fact]
    public void EqualAndIn_FindsOnlyDocumentsWithBothConditions()
    {
        using var file = LiteDbFile.Open(":memory:");
        var collection = file.Database.GetCollection("things");
        collection.EnsureIndex("owner");
        collection.Insert(new BsonDocument { ["_id"] = 1, ["owner"] = "x", ["status"] = "taken" });
        collection.Insert(new BsonDocument { ["_id"] = 2, ["owner"] = "x", ["status"] = "open" });
        collection.Insert(new BsonDocument { ["_id"] = 3, ["owner"] = "y", ["status"] = "rating" });
        collection.Insert(new BsonDocument { ["_id"] = 4, ["owner"] = "x", ["status"] = "rating" });

        var found = collection.Find(Filters.EqualAndIn("owner", "x", "status", "taken", "rating")).Select(d => d["_id"].AsInt32).Order();

        Assert.Equal([1, 4], found);
    }

    private static TranscriptEntry Entry(string conversation)
        => new("webchat", conversation, DateTime.UtcNow, "user", "message",
            $$$"""{"type":"message","text":"{{{conversation}}}","conversation":{"id":"{{{conversation}}}"}}""");

    private const string Marker = "filters-probe";
    private static readonly string[] OtherConversations = ["abc", "A_C", "a_c2"];
    private static readonly string[] CacheFields = ["_cacheScalar", "_cacheEnumerable"];

    /// <summary>The texts of every filter LiteDB has compiled and cached in this process (its caches' keys).</summary>
    private static IEnumerable<string> CompiledFilterTexts()
        => CacheFields
            .SelectMany(name => ((IDictionary)typeof(BsonExpression).GetField(name, BindingFlags.Static | BindingFlags.NonPublic)!.GetValue(null)!).Keys.Cast<string>())
            .ToList();
}

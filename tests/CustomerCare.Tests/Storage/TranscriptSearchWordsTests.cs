using CustomerCare.Builder;
using CustomerCare.Bot.Storage;
using CustomerCare.Bot.Supervisors;
using CustomerCare.Bot.Transcripts;
using LiteDB;

namespace CustomerCare.Tests.Storage;

public sealed class TranscriptSearchWordsTests
{
    [Fact]
    public async Task SearchWords_AreNumbered_FoundAfterARestart_WithThoseOfOlderFiles_AndDeletedWithTheTranscript()
    {
        var path = BotHostPath();
        using (var file = LiteDbFile.Open(path))
        using (var writer = new LiteDbWriter(file))
        {
            // As a data file written before the search words were numbered holds them: under the chunk's key.
            file.Database.GetCollection(TranscriptStore.TermsCollectionName).Insert(new BsonDocument
            {
                ["_id"] = "webchat/c1|000000000001",
                ["terms"] = new BsonArray(new BsonValue("suitcase")),
            });
            var store = new TranscriptStore(file.Database, writer, new ConversationIndex(file.Database, writer));
            await store.AppendAsync([Entry("c1", "my umbrella broke"), Entry("c2", "my umbrella flew away")]);
            Assert.All(file.Database.GetCollection(TranscriptStore.TermsCollectionName).FindAll().Where(d => !d["_id"].IsString),
                d => Assert.True(d["_id"].IsInt64 && d["conversation"].IsString));
        }

        using (var file = LiteDbFile.Open(path))
        using (var writer = new LiteDbWriter(file))
        {
            var index = new ConversationIndex(file.Database, writer);
            var search = new ConversationSearch(index, writer);
            Assert.Equal(["c1"], (await search.AllAsync(new ConversationQuery { Search = "suitcase" })).Select(s => s.ConversationId));
            Assert.Equal(["c1", "c2"], (await search.AllAsync(new ConversationQuery { Search = "umbrella" })).Select(s => s.ConversationId).Order());

            await writer.WriteAsync(db => TranscriptStore.Delete(db, ConversationKey.Of("webchat", "c1")));

            var left = file.Database.GetCollection(TranscriptStore.TermsCollectionName).FindAll().Select(TranscriptStore.ConversationOfTerms).ToList();
            Assert.Equal(["webchat/c2"], left);
        }
    }

    private static string BotHostPath() => Support.BotHost.TempDataPath();

    private static TranscriptEntry Entry(string conversation, string text)
        => new("webchat", conversation, DateTime.UtcNow, "user", "message", $$$"""{"type":"message","text":"{{{text}}}","conversation":{"id":"{{{conversation}}}"}}""")
        {
            Text = text,
        };
}

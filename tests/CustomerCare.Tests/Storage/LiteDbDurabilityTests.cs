using CustomerCare.Bot.Storage;
using CustomerCare.Tests.Support;
using LiteDB;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerCare.Tests.Storage;

/// <summary>
/// What <see cref="LiteDbFile"/> assumes of the pinned LiteDB: a commit's pages are in the log file when Commit returns,
/// and a file closed as a killed process leaves it (no checkpoint, no dispose) opens with every acknowledged write.
/// If a LiteDB upgrade changes either, these fail.
/// </summary>
public sealed class LiteDbDurabilityTests
{
    [Fact]
    public void ACommit_HasWrittenItsPagesIntoTheLogFile_WhenItReturns()
    {
        using var file = LiteDbFile.Open(BotHost.TempDataPath());
        var collection = file.Database.GetCollection("things");
        for (var i = 0; i < 50; i++)
        {
            var before = file.LogBytesWritten;

            collection.Insert(new BsonDocument { ["_id"] = i, ["text"] = new string('x', 100 + i) });

            // At least the page holding the document, on this thread, before Insert's commit returned.
            Assert.True(file.LogBytesWritten >= before + 8192, $"commit {i}: {file.LogBytesWritten - before} bytes reached the log file");
        }
    }

    [Fact]
    public async Task EveryAcknowledgedWrite_SurvivesTheProcessDying_RightAfterIt()
    {
        var path = BotHost.TempDataPath();
        var file = LiteDbFile.Open(path);
        var writer = new LiteDbWriter(file);
        var writes = Enumerable.Range(0, 200).Select(i => writer.WriteAsync(db => db.GetCollection("things").Insert(new BsonDocument { ["_id"] = i }), synced: i % 2 == 0)).ToList();
        await Task.WhenAll(writes);

        file.Abandon();

        using var reopened = LiteDbFile.Open(path);
        Assert.Equal(200, reopened.Database.GetCollection("things").Count());
    }

    [Fact]
    public void TheBotRuns_OnTheLiteDbVersionItWasBuiltFor()
    {
        Assert.Equal(new Version(5, 0, 21, 0), typeof(LiteDatabase).Assembly.GetName().Version);
    }

    [Fact]
    public async Task EveryCollectionTheBotKeeps_ExistsFromTheMomentTheFileIsOpened()
    {
        var path = BotHost.TempDataPath();
        using (var opened = LiteDbFile.Open(path))
        {
            Assert.Equal(LiteDbFile.Collections.Order(), opened.Database.GetCollectionNames().Order());
        }
        using var host = new BotHost(path);
        // A conversation that grants, and one that asks for a person: state, ledger, claims, transcripts, cases, summaries.
        var customer = await new DirectLineClient(host.CreateClient()).StartAsync();
        foreach (var text in new[] { "My flight CC400 was delayed, booking DEMO01", "Sample", "yes", "I want to talk to a person" })
        {
            await customer.PostMessageAsync(text);
        }

        var database = host.Services.GetRequiredService<LiteDatabase>();
        // A collection the bot writes that is not created at open could be created while another request reads it.
        Assert.Empty(database.GetCollectionNames().Except(LiteDbFile.Collections));
        Assert.True(database.GetCollection("ledger").Count() > 0);
    }
}

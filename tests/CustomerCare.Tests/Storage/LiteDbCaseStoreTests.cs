using CustomerCare.Bot.Storage;
using CustomerCare.Cases;
using CustomerCare.Tests.Support;

namespace CustomerCare.Tests.Storage;

public sealed class LiteDbCaseStoreTests
{
    [Fact]
    public async Task HeldCase_IsFoundForItsConversationOnly_BeforeAndAfterARestart()
    {
        var path = BotHost.TempDataPath();
        using (var file = LiteDbFile.Open(path))
        using (var writer = new LiteDbWriter(file))
        {
            var cases = new LiteDbCaseStore(file.Database, writer, TimeProvider.System);
            Assert.Null(await cases.HeldForCustomerAsync("webchat", "c1", CancellationToken.None));
            await cases.OpenAsync(Case("CC-1", "c1"), CancellationToken.None);
            Assert.NotNull(await cases.OpenForCustomerAsync("webchat", "c1", CancellationToken.None));
            Assert.Null(await cases.HeldForCustomerAsync("webchat", "c1", CancellationToken.None));
            Assert.True((await cases.TryTakeAsync("CC-1", "agent-1", "Alex", CancellationToken.None)).TakenByCaller);
            Assert.Equal("CC-1", (await cases.HeldForCustomerAsync("webchat", "c1", CancellationToken.None))?.Case.Reference);
            Assert.Null(await cases.HeldForCustomerAsync("webchat", "c2", CancellationToken.None));
            Assert.Null(await cases.HeldForCustomerAsync("msteams", "c1", CancellationToken.None));
        }

        using var reopened = LiteDbFile.Open(path);
        using var reopenedWriter = new LiteDbWriter(reopened);
        var afterRestart = new LiteDbCaseStore(reopened.Database, reopenedWriter, TimeProvider.System);
        Assert.Equal("CC-1", (await afterRestart.HeldForCustomerAsync("webchat", "c1", CancellationToken.None))?.Case.Reference);
        Assert.Null(await afterRestart.HeldForCustomerAsync("webchat", "c2", CancellationToken.None));
    }

    [Fact]
    public async Task AConversationWithTwoCases_StillWorksAfterARestart()
    {
        var path = BotHost.TempDataPath();
        using (var file = LiteDbFile.Open(path))
        using (var writer = new LiteDbWriter(file))
        {
            var cases = new LiteDbCaseStore(file.Database, writer, TimeProvider.System);
            await cases.OpenAsync(Case("CC-1", "c1"), CancellationToken.None);
            await cases.OpenAsync(Case("CC-2", "c1"), CancellationToken.None);
            Assert.True((await cases.TryTakeAsync("CC-2", "agent-1", "Alex", CancellationToken.None)).TakenByCaller);
        }

        using var reopened = LiteDbFile.Open(path);
        using var reopenedWriter = new LiteDbWriter(reopened);
        var afterRestart = new LiteDbCaseStore(reopened.Database, reopenedWriter, TimeProvider.System);
        Assert.Equal("CC-2", (await afterRestart.HeldForCustomerAsync("webchat", "c1", CancellationToken.None))?.Case.Reference);
        Assert.Null(await afterRestart.HeldForCustomerAsync("webchat", "c2", CancellationToken.None));
    }

    private static CaseFile Case(string reference, string conversation)
        => new(reference, CaseReason.CustomerAskedForPerson, "webchat", conversation, "dl_1", "en-US", DateTime.UtcNow, "delay", "DEMO05", "Sample", "CC400");
}

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
            Assert.Null(cases.HeldForCustomer("webchat", "c1"));
            await cases.OpenAsync(Case("CC-1", "c1"), CancellationToken.None);
            Assert.NotNull(cases.OpenForCustomer("webchat", "c1"));
            Assert.Null(cases.HeldForCustomer("webchat", "c1"));
            Assert.True((await cases.TryTakeAsync("CC-1", "agent-1", "Alex", CancellationToken.None)).TakenByCaller);
            Assert.Equal("CC-1", cases.HeldForCustomer("webchat", "c1")?.Case.Reference);
            Assert.Null(cases.HeldForCustomer("webchat", "c2"));
            Assert.Null(cases.HeldForCustomer("msteams", "c1"));
        }

        using var reopened = LiteDbFile.Open(path);
        using var reopenedWriter = new LiteDbWriter(reopened);
        var afterRestart = new LiteDbCaseStore(reopened.Database, reopenedWriter, TimeProvider.System);
        Assert.Equal("CC-1", afterRestart.HeldForCustomer("webchat", "c1")?.Case.Reference);
        Assert.Null(afterRestart.HeldForCustomer("webchat", "c2"));
    }

    private static CaseFile Case(string reference, string conversation)
        => new(reference, CaseReason.CustomerAskedForPerson, "webchat", conversation, "dl_1", "en-US", DateTime.UtcNow, "delay", "DEMO05", "Sample", "CC400");
}

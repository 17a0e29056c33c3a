using CustomerCare.Bot.Storage;
using CustomerCare.Bot.Storage.PostgreSql;
using CustomerCare.Cases;
using CustomerCare.Tests.Support;
using Npgsql;

namespace CustomerCare.Tests.Storage;

/// <summary>What every case store promises (one holder at a time, moves only as the transitions allow): each test runs against LiteDB and PostgreSQL.</summary>
public abstract class CaseStoreContract : IAsyncLifetime
{
    private static readonly DateTime Opened = new(2026, 11, 18, 9, 30, 15, 250, DateTimeKind.Utc);
    private ICaseStore _cases = null!;

    protected abstract Task<ICaseStore> OpenAsync();

    public abstract Task DisposeAsync();

    public async Task InitializeAsync() => _cases = await OpenAsync();

    private static CaseFile Case(string reference, string conversation, string channel = "webchat") => new(
        reference, CaseReason.DisruptionReported, channel, conversation, "dl_1", "de-DE", Opened, "delay", "DEMO05", "Sample", "CC400",
        "Verspätung von 4 Stunden", "https://directline.example/", "bot-1", "P-1", new DateOnly(2026, 11, 18));

    [Fact]
    public async Task AnOpenedCase_IsReadBackAsOpened_ForItsConversationOnly()
    {
        var opened = await _cases.OpenAsync(Case("CC-AAA111", "c1"), CancellationToken.None);

        Assert.Equal(Case("CC-AAA111", "c1"), opened);
        Assert.Equal(opened, await _cases.FindAsync("CC-AAA111", CancellationToken.None));
        Assert.Equal(opened, await _cases.OpenForCustomerAsync("webchat", "c1", CancellationToken.None));
        Assert.Equal(opened, Assert.Single(await _cases.ListOpenAsync(CancellationToken.None)));
        Assert.Null(await _cases.OpenForCustomerAsync("webchat", "c2", CancellationToken.None));
        Assert.Null(await _cases.OpenForCustomerAsync("msteams", "c1", CancellationToken.None));
        Assert.Null(await _cases.HeldForCustomerAsync("webchat", "c1", CancellationToken.None));
        Assert.Null(await _cases.FindAsync("CC-NONE00", CancellationToken.None));
        Assert.Equal(CaseStatus.Open, (await _cases.FindHeldAsync("CC-AAA111", CancellationToken.None))!.Status);
    }

    [Fact]
    public async Task ASecondCaseUnderAReferenceInUse_GetsAFreshReference_AndBothAreKept()
    {
        var first = await _cases.OpenAsync(Case("CC-SAME22", "c1"), CancellationToken.None);
        var second = await _cases.OpenAsync(Case("CC-SAME22", "c2"), CancellationToken.None);

        Assert.Equal("CC-SAME22", first.Reference);
        Assert.NotEqual("CC-SAME22", second.Reference);
        Assert.Equal("c2", (await _cases.FindAsync(second.Reference, CancellationToken.None))!.ConversationId);
        Assert.Equal(2, (await _cases.ListOpenAsync(CancellationToken.None)).Count);
    }

    [Fact]
    public async Task AgentsTakingOneCaseAtTheSameMoment_OneGetsIt_EveryOtherLearnsWho()
    {
        for (var round = 0; round < 10; round++)
        {
            var reference = $"CC-RACE{round:D2}";
            await _cases.OpenAsync(Case(reference, "race-" + round), CancellationToken.None);
            using var start = new ManualResetEventSlim(false);
            var takes = Enumerable.Range(0, 12).Select(i => Task.Run(() =>
            {
                start.Wait();
                return _cases.TryTakeAsync(reference, "agent-" + i, "Agent " + i, CancellationToken.None);
            })).ToArray();
            start.Set();
            var claims = await Task.WhenAll(takes);

            var winner = Assert.Single(claims, c => c.TakenByCaller);
            Assert.True(winner.Newly);
            Assert.All(claims, c => Assert.Equal(winner.AgentId, c.AgentId));
            var held = await _cases.HeldForCustomerAsync("webchat", "race-" + round, CancellationToken.None);
            Assert.True(held!.IsHeldBy(winner.AgentId!));
            Assert.DoesNotContain(await _cases.ListOpenAsync(CancellationToken.None), c => c.Reference == reference);
        }
    }

    [Fact]
    public async Task TakingOver_MovesOnlyAHeldCase_AndTheHistoryShowsTheHandoverNotesAndCallback()
    {
        await _cases.OpenAsync(Case("CC-OVER01", "c1"), CancellationToken.None);
        var tooEarly = await _cases.TryTakeOverAsync("CC-OVER01", "bob", "Bob", CancellationToken.None);
        await _cases.TryTakeAsync("CC-OVER01", "ada", "Ada", CancellationToken.None);
        var again = await _cases.TryTakeAsync("CC-OVER01", "ada", "Ada", CancellationToken.None);
        var over = await _cases.TryTakeOverAsync("CC-OVER01", "bob", "Bob", CancellationToken.None);
        var overAgain = await _cases.TryTakeOverAsync("CC-OVER01", "bob", "Bob", CancellationToken.None);
        await _cases.AddNoteAsync("CC-OVER01", "Ada", "Gold customer, second delay this month", Opened.AddMinutes(5), CancellationToken.None);
        await _cases.AddNoteAsync("CC-OVER01", "Bob", "Offered the hotel", Opened.AddMinutes(9), CancellationToken.None);
        await _cases.AddNoteAsync("CC-NONE00", "Bob", "A case that does not exist", Opened, CancellationToken.None);
        await _cases.SetCallbackEmailAsync("CC-OVER01", "sample@example.com", CancellationToken.None);

        Assert.False(tooEarly.TakenByCaller);
        Assert.Equal((true, false), (again.TakenByCaller, again.Newly));
        Assert.Equal((true, true, "Ada"), (over.TakenByCaller, over.Newly, over.PreviousAgentName));
        Assert.Equal((true, false), (overAgain.TakenByCaller, overAgain.Newly));
        var history = Assert.Single(await _cases.ForConversationAsync("webchat", "c1", CancellationToken.None));
        Assert.Equal(("bob", "Bob", CaseStatus.Taken), (history.AgentId, history.AgentName, history.Status));
        Assert.NotNull(history.TakenUtc);
        Assert.Equal(("ada", "Ada", "bob", "Bob"), Assert.Single(history.Handovers) is var h ? (h.FromAgentId, h.FromAgentName, h.ToAgentId, h.ToAgentName) : default);
        Assert.Equal(["Gold customer, second delay this month", "Offered the hotel"], history.Notes.Select(n => n.Text));
        Assert.Equal(Opened.AddMinutes(9), history.Notes[1].AtUtc);
        Assert.True(history.CallbackRequested);
        Assert.Empty(await _cases.ForConversationAsync("webchat", "c2", CancellationToken.None));
    }

    [Fact]
    public async Task ACase_MovesOnlyAsTheTransitionsAllow_AndKeepsItsRating()
    {
        await _cases.OpenAsync(Case("CC-MOVE01", "c1"), CancellationToken.None);

        Assert.False(await _cases.TryMoveAsync("CC-MOVE01", CaseStatus.Rating, null, CancellationToken.None));
        await _cases.TryTakeAsync("CC-MOVE01", "ada", "Ada", CancellationToken.None);
        Assert.False(await _cases.TryMoveAsync("CC-MOVE01", CaseStatus.Closed, null, CancellationToken.None));
        Assert.True(await _cases.TryMoveAsync("CC-MOVE01", CaseStatus.Rating, null, CancellationToken.None));
        var awaitingRating = await _cases.HeldForCustomerAsync("webchat", "c1", CancellationToken.None);
        Assert.True(await _cases.TryMoveAsync("CC-MOVE01", CaseStatus.Closed, 4, CancellationToken.None));
        Assert.False(await _cases.TryMoveAsync("CC-MOVE01", CaseStatus.Taken, null, CancellationToken.None));
        Assert.False(await _cases.TryMoveAsync("CC-NONE00", CaseStatus.Rating, null, CancellationToken.None));

        Assert.Equal(CaseStatus.Rating, awaitingRating!.Status);
        Assert.Null(await _cases.HeldForCustomerAsync("webchat", "c1", CancellationToken.None));
        var closed = Assert.Single(await _cases.ForConversationAsync("webchat", "c1", CancellationToken.None));
        Assert.Equal((CaseStatus.Closed, 4), (closed.Status, closed.Rating));
        Assert.NotNull(closed.EndedUtc);
    }

    [Fact]
    public async Task TheWaitNotice_IsNotedOnceEvenAtTheSameMoment_AndTheCaseStopsWaiting()
    {
        await _cases.OpenAsync(Case("CC-WAIT01", "c1"), CancellationToken.None);
        await _cases.OpenAsync(Case("CC-WAIT02", "c2") with { OpenedUtc = Opened.AddHours(1) }, CancellationToken.None);
        var waitingBefore = await _cases.WaitingSinceAsync(Opened.AddMinutes(30), CancellationToken.None);

        using var start = new ManualResetEventSlim(false);
        var marks = Enumerable.Range(0, 8).Select(_ => Task.Run(() =>
        {
            start.Wait();
            return _cases.TryMarkWaitNoticeAsync("CC-WAIT01", CancellationToken.None);
        })).ToArray();
        start.Set();

        Assert.Equal("CC-WAIT01", Assert.Single(waitingBefore).Reference);
        Assert.Single(await Task.WhenAll(marks), marked => marked);
        Assert.Empty(await _cases.WaitingSinceAsync(Opened.AddMinutes(30), CancellationToken.None));
        Assert.Equal("CC-WAIT02", Assert.Single(await _cases.WaitingSinceAsync(Opened.AddHours(2), CancellationToken.None)).Reference);
        Assert.False(await _cases.TryMarkWaitNoticeAsync("CC-NONE00", CancellationToken.None));
    }

    [Fact]
    public async Task ACasePostedToAThread_IsFoundFromThatThreadOnly()
    {
        await _cases.OpenAsync(Case("CC-THRD01", "c1"), CancellationToken.None);
        await _cases.AttachAgentThreadAsync("CC-THRD01", new AgentThread("19:agents@thread.tacv2;messageid=7", "https://smba.example/", "28:bot", "card-7"), CancellationToken.None);

        var found = await _cases.InThreadAsync("19:agents@thread.tacv2;messageid=7", CancellationToken.None);

        Assert.Equal(("CC-THRD01", new AgentThread("19:agents@thread.tacv2;messageid=7", "https://smba.example/", "28:bot", "card-7")), (found!.Case.Reference, found.Thread));
        Assert.Null(await _cases.InThreadAsync("19:agents@thread.tacv2;messageid=8", CancellationToken.None));
    }
}

public sealed class LiteDbCaseStoreContractTests : CaseStoreContract
{
    private readonly LiteDbFile _file = LiteDbFile.Open(BotHost.TempDataPath());
    private LiteDbWriter? _writer;

    protected override Task<ICaseStore> OpenAsync()
    {
        _writer = new LiteDbWriter(_file);
        return Task.FromResult<ICaseStore>(new LiteDbCaseStore(_file.Database, _writer, TimeProvider.System));
    }

    public override Task DisposeAsync()
    {
        _writer?.Dispose();
        _file.Dispose();
        return Task.CompletedTask;
    }
}

public sealed class PostgreSqlCaseStoreTests : CaseStoreContract
{
    private NpgsqlDataSource? _dataSource;

    protected override async Task<ICaseStore> OpenAsync()
    {
        _dataSource = NpgsqlDataSource.Create(await (await PostgreSqlServer.SharedAsync()).CreateDatabaseAsync(nameof(PostgreSqlCaseStoreTests)));
        await SchemaMigrator.MigrateAsync(_dataSource, CancellationToken.None);
        return new PostgreSqlCaseStore(_dataSource, TimeProvider.System);
    }

    public override async Task DisposeAsync()
    {
        if (_dataSource is not null)
        {
            await _dataSource.DisposeAsync();
        }
    }
}

using CustomerCare.Bot.Storage.PostgreSql;
using CustomerCare.Bot.Transcripts;
using CustomerCare.Schema;
using CustomerCare.Builder;
using CustomerCare.Ledger;
using CustomerCare.Tests.Support;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace CustomerCare.Tests.Storage;

/// <summary>PostgreSQL commits a write and the connection dies before the bot hears it: the bot reports what was committed, not a failure or a conflict.</summary>
public sealed class LostAcknowledgementTests
{
    /// <summary>A database reached two ways: through the proxy (as the bot), and directly (to see what was committed).</summary>
    private sealed class BehindAProxy : IAsyncDisposable
    {
        private BehindAProxy(NpgsqlDataSource through, AcknowledgementDroppingProxy proxy, NpgsqlDataSource direct) => (Through, Proxy, Direct) = (through, proxy, direct);

        public NpgsqlDataSource Through { get; }

        public AcknowledgementDroppingProxy Proxy { get; }

        public NpgsqlDataSource Direct { get; }

        public static async Task<BehindAProxy> StartAsync(string purpose)
        {
            var connectionString = await (await PostgreSqlServer.SharedAsync()).CreateDatabaseAsync(purpose);
            var direct = NpgsqlDataSource.Create(connectionString);
            await SchemaMigrator.MigrateAsync(direct, CancellationToken.None);
            var real = new NpgsqlConnectionStringBuilder(connectionString);
            var proxy = AcknowledgementDroppingProxy.Start(real.Host!, real.Port);
            var through = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(connectionString) { Port = proxy.Port, Pooling = false }.ConnectionString);
            return new BehindAProxy(through, proxy, direct);
        }

        public async ValueTask DisposeAsync()
        {
            await Through.DisposeAsync();
            await Proxy.DisposeAsync();
            await Direct.DisposeAsync();
        }
    }

    [Fact]
    public async Task AStateWrite_WhoseAcknowledgementIsLost_ReturnsItsETag_NotAConflict()
    {
        await using var database = await BehindAProxy.StartAsync(nameof(LostAcknowledgementTests) + "State");
        var (through, proxy, direct) = (database.Through, database.Proxy, database.Direct);
        var storage = new PostgreSqlStorage(through);
        var first = await storage.WriteAsync("conv/1", new StoreItem("""{"step":1}""", null), CancellationToken.None);

        proxy.DropNext("UPDATE 1");
        var second = await storage.WriteAsync("conv/1", new StoreItem("""{"step":2}""", first), CancellationToken.None);

        Assert.Equal(1, proxy.Dropped);
        Assert.Equal(new StoreItem("""{"step":2}""", second), await new PostgreSqlStorage(direct).ReadAsync("conv/1", CancellationToken.None));
        proxy.DropNext("INSERT 0 1");
        var created = await storage.WriteAsync("conv/2", new StoreItem("{}", null), CancellationToken.None);
        Assert.Equal((2, "1"), (proxy.Dropped, created));
    }

    [Fact]
    public async Task AGrant_WhoseCommitIsNotAcknowledged_IsReportedGranted_Once()
    {
        await using var database = await BehindAProxy.StartAsync(nameof(LostAcknowledgementTests) + "Grant");
        var (through, proxy, direct) = (database.Through, database.Proxy, database.Direct);
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 9, 30, 0, TimeSpan.Zero));
        var who = LedgerRequests.Passenger();

        proxy.DropNext("COMMIT");
        var outcome = await new PostgreSqlLedger(through, clock).TryGrantAsync(LedgerRequests.Request(who, LedgerRequests.Bot()), CancellationToken.None);

        Assert.Equal(1, proxy.Dropped);
        var granted = Assert.IsType<GrantOutcome.Granted>(outcome);
        Assert.Equal(granted.Entry.Reference, Assert.Single(await new PostgreSqlLedger(direct, clock).ForBookingAsync(who.BookingReference, CancellationToken.None)).Reference);
    }

    private static TranscriptEntry Entry(string conversation, string text)
    {
        var activity = new Activity
        {
            Type = ActivityTypes.Message, Text = text, ChannelId = "webchat", Conversation = new ConversationAccount { Id = conversation },
            From = new ChannelAccount { Id = "u", Role = RoleTypes.User },
        };
        return new TranscriptEntry("webchat", conversation, DateTime.UtcNow, RoleTypes.User, ActivityTypes.Message,
            System.Text.Json.JsonSerializer.Serialize(activity, ProtocolJsonContext.Default.Activity)) { Text = text, FromId = "u" };
    }

    [Fact]
    public async Task ATranscriptBatch_AReview_AndAListChange_WhoseCommitsAreNotAcknowledged_AreEachStoredOnce()
    {
        await using var db = await BehindAProxy.StartAsync(nameof(ATranscriptBatch_AReview_AndAListChange_WhoseCommitsAreNotAcknowledged_AreEachStoredOnce));

        db.Proxy.DropNext("COMMIT");
        await new PostgreSqlTranscriptStore(db.Through).AppendAsync([Entry("c1", "one"), Entry("c1", "two")]);
        db.Proxy.DropNext("COMMIT");
        await new PostgreSqlSupervisorReviews(db.Through, TimeProvider.System).AddAsync("webchat", "c1", "Sue", 3, "note");
        db.Proxy.DropNext("COMMIT");
        await new PostgreSqlConversationList(db.Through).ChangeAsync("webchat", "c1", s => s with { Grants = s.Grants + 1 });
        db.Proxy.DropNext("INSERT 0 1");
        await new PostgreSqlAccessLogStore(db.Through).AddAsync(new CustomerCare.Bot.Supervisors.TranscriptAccess("Sue", DateTime.UtcNow, "viewed", "webchat/c1"));

        var entries = await new PostgreSqlTranscriptStore(db.Direct).GetActivitiesAsync("webchat", "c1", CancellationToken.None);
        var summary = await new PostgreSqlConversationList(db.Direct).FindAsync("webchat", "c1");
        var reviews = await new PostgreSqlSupervisorReviews(db.Direct, TimeProvider.System).ForAsync("webchat", "c1", CancellationToken.None);
        var accesses = await new PostgreSqlAccessLogStore(db.Direct).RecentAsync(10, CancellationToken.None);
        Assert.Equal(4, db.Proxy.Dropped);
        Assert.Equal(["one", "two"], entries.Select(a => a.Text));
        Assert.Equal((2, 1, 3), (summary!.Activities, summary.Grants, summary.ReviewScore));
        Assert.Single(reviews);
        Assert.Single(accesses);
    }

    [Fact]
    public async Task ATake_WhoseAcknowledgementIsLost_WhileTheWaitNoticeIsMarked_IsStillReportedAsNewlyTaken()
    {
        await using var db = await BehindAProxy.StartAsync(nameof(ATake_WhoseAcknowledgementIsLost_WhileTheWaitNoticeIsMarked_IsStillReportedAsNewlyTaken));
        var direct = new PostgreSqlCaseStore(db.Direct, TimeProvider.System);
        var opened = await direct.OpenAsync(new CustomerCare.Cases.CaseFile("CC-ACK001", CustomerCare.Cases.CaseReason.CustomerAskedForPerson, "webchat", "c1", "u", "en-US",
            DateTime.UtcNow), CancellationToken.None);

        db.Proxy.DropNext("UPDATE 1");
        var take = new PostgreSqlCaseStore(db.Through, TimeProvider.System).TryTakeAsync(opened.Reference, "ada", "Ada", CancellationToken.None);
        while ((await direct.FindHeldAsync(opened.Reference, CancellationToken.None))!.Status != CustomerCare.Cases.CaseStatus.Taken)
        {
            await Task.Delay(1);
        }
        await direct.TryMarkWaitNoticeAsync(opened.Reference, CancellationToken.None);
        var claim = await take;

        Assert.Equal((1, true, true), (db.Proxy.Dropped, claim.TakenByCaller, claim.Newly));
    }
}

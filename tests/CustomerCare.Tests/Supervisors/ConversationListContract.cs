using CustomerCare.Bot.Storage;
using CustomerCare.Bot.Storage.PostgreSql;
using CustomerCare.Bot.Supervisors;
using CustomerCare.Bot.Transcripts;
using CustomerCare.Cases;
using CustomerCare.Schema;
using CustomerCare.Tests.Support;
using Npgsql;

namespace CustomerCare.Tests.Supervisors;

/// <summary>
/// What every store behind the supervisors' pages promises — transcripts in order, a summary per conversation that
/// adds up across batches, the list's filters and word search, reviews and expiry: each test runs against LiteDB and
/// PostgreSQL.
/// </summary>
public abstract class ConversationListContract : IAsyncLifetime
{
    protected static readonly DateTime Start = new(2026, 11, 18, 9, 0, 0, DateTimeKind.Utc);

    protected ITranscriptStore Transcripts { get; set; } = null!;

    protected IConversationList List { get; set; } = null!;

    protected ISupervisorReviews Reviews { get; set; } = null!;

    protected IRetentionStore Expiry { get; set; } = null!;

    protected ICaseStore Cases { get; set; } = null!;

    public abstract Task InitializeAsync();

    public abstract Task DisposeAsync();

    private static TranscriptEntry Entry(string conversation, int minute, string role, string text, string channel = "webchat", string? locale = "en-US",
        string? agent = null, string? conversationType = null, string? name = null)
    {
        var activity = new Activity
        {
            Type = ActivityTypes.Message, Text = text, ChannelId = channel, Timestamp = Start.AddMinutes(minute), Locale = locale,
            From = new ChannelAccount { Id = role == RoleTypes.User ? "user-" + conversation : "bot", Name = name, Role = role },
            Conversation = new ConversationAccount { Id = conversation, ConversationType = conversationType },
        };
        return new TranscriptEntry(channel, conversation, Start.AddMinutes(minute), role, ActivityTypes.Message,
            System.Text.Json.JsonSerializer.Serialize(activity, ProtocolJsonContext.Default.Activity))
        {
            Text = text, Locale = locale, ConversationType = conversationType, FromId = activity.From.Id, FromName = name, AgentName = agent,
        };
    }

    [Fact]
    public async Task Transcripts_AreReadBackInTheOrderLogged_PerConversation()
    {
        await Transcripts.AppendAsync([Entry("c1", 0, RoleTypes.User, "one"), Entry("c2", 0, RoleTypes.User, "other"), Entry("c1", 1, RoleTypes.Bot, "two")]);
        await Transcripts.AppendAsync([Entry("c1", 1, RoleTypes.User, "three")]);

        Assert.Equal(["one", "two", "three"], (await Transcripts.GetActivitiesAsync("webchat", "c1", CancellationToken.None)).Select(a => a.Text));
        Assert.Equal(["other"], (await Transcripts.GetActivitiesAsync("webchat", "c2", CancellationToken.None)).Select(a => a.Text));
        Assert.True(await Transcripts.ExistsAsync("webchat", "c1", CancellationToken.None));
        Assert.False(await Transcripts.ExistsAsync("msteams", "c1", CancellationToken.None));
        Assert.Empty(await Transcripts.GetActivitiesAsync("webchat", "c3", CancellationToken.None));
    }

    [Fact]
    public async Task ASummary_AddsUpAcrossBatches_AsOneBatchWouldHave()
    {
        var first = new[] { Entry("c1", 0, RoleTypes.User, "My suitcase is missing", name: "Sam"), Entry("c1", 1, RoleTypes.Bot, "Sorry to hear") };
        var second = new[] { Entry("c1", 5, RoleTypes.Bot, "Ada here", agent: "Ada Agent", locale: "de-DE"), Entry("c1", 6, RoleTypes.User, "Danke", locale: null) };
        await Transcripts.AppendAsync(first);
        await Transcripts.AppendAsync(second);

        var expected = TranscriptSummary.Add(TranscriptSummary.Add(new ConversationSummary("webchat", "c1"), first), second);
        var stored = await List.FindAsync("webchat", "c1");
        Assert.Equal((expected.FirstUtc, expected.LastUtc, expected.Activities, expected.Locale, expected.CustomerId, expected.CustomerName, expected.Preview),
            (stored!.FirstUtc, stored.LastUtc, stored.Activities, stored.Locale, stored.CustomerId, stored.CustomerName, stored.Preview));
        Assert.Equal(["Ada Agent"], stored.Agents);
        Assert.Equal("de", stored.Language);
    }

    [Fact]
    public async Task TheList_FiltersAndSearches_NewestFirst_AndPages()
    {
        await Transcripts.AppendAsync([
            Entry("lost-bag", 0, RoleTypes.User, "My suitcase did not arrive in Frankfurt"),
            Entry("delay", 10, RoleTypes.User, "Flight CC400 was delayed, booking DEMO01", locale: "en-GB"),
            Entry("german", 20, RoleTypes.User, "Mein Koffer ist nicht angekommen", locale: "de-DE"),
            Entry("teams", 30, RoleTypes.User, "suitcase thread", channel: "msteams", conversationType: "channel"),
            Entry("agent-said", 40, RoleTypes.Bot, "Your suitcase is on its way", agent: "Ada Agent"),
            Entry("bot-said", 50, RoleTypes.Bot, "suitcase"),
        ]);
        await List.ChangeAsync("webchat", "delay", s => s.WithBooking("demo01") with { Grants = 1 });
        await List.ChangeAsync("webchat", "german", s => s with { HandedOff = true, CaseReference = "CC-KOFFER1", Rating = 4 });

        async Task<string[]> Found(ConversationQuery query) => [.. (await List.AllAsync(query)).Select(s => s.ConversationId)];

        Assert.Equal(["bot-said", "agent-said", "german", "delay", "lost-bag"], await Found(new ConversationQuery()));
        Assert.Equal(["agent-said", "lost-bag"], await Found(new ConversationQuery { Search = "suitcase" }));
        Assert.Equal(["lost-bag"], await Found(new ConversationQuery { Search = "Suitcase FRANKFURT" }));
        Assert.Empty(await Found(new ConversationQuery { Search = "suitcase koffer" }));
        Assert.Equal(["delay"], await Found(new ConversationQuery { Search = "demo01" }));
        Assert.Equal(["german"], await Found(new ConversationQuery { Search = "cc-koffer" }));
        Assert.Equal(["delay"], await Found(new ConversationQuery { Outcome = Outcomes.Granted }));
        Assert.Equal(["german"], await Found(new ConversationQuery { Outcome = Outcomes.HandedOff, Rating = 4, Language = "de" }));
        Assert.Equal(["bot-said", "agent-said", "lost-bag"], await Found(new ConversationQuery { Outcome = Outcomes.Abandoned, Language = "en" }));
        Assert.Equal(["agent-said"], await Found(new ConversationQuery { Agent = "Ada Agent" }));
        Assert.Empty(await Found(new ConversationQuery { Channel = "msteams" }));
        Assert.Empty(await Found(new ConversationQuery { From = DateOnly.FromDateTime(Start.AddDays(1)) }));
        Assert.Equal(5, (await Found(new ConversationQuery { From = DateOnly.FromDateTime(Start), To = DateOnly.FromDateTime(Start) })).Length);

        var second = await List.FindAsync(new ConversationQuery { PageSize = 2, Page = 2 });
        var beyond = await List.FindAsync(new ConversationQuery { PageSize = 2, Page = 9 });
        Assert.Equal(["german", "delay"], second.Items.Select(s => s.ConversationId));
        Assert.Equal((5, 3), (second.Total, second.Pages));
        Assert.Equal((0, 5), (beyond.Items.Count, beyond.Total));

        var (channels, agents, languages) = await List.FacetsAsync();
        Assert.Equal(["webchat"], channels);
        Assert.Equal(["Ada Agent"], agents);
        Assert.Equal(["de", "en"], languages);
    }

    [Fact]
    public async Task AConversationWhoseIdHoldsU0000_IsFoundByTheIdTheListShows()
    {
        await Transcripts.AppendAsync([Entry("odd\0id", 0, RoleTypes.User, "suitcase")]);

        var listed = Assert.Single(await List.AllAsync(new ConversationQuery { Search = "suitcase" }));

        Assert.NotNull(await List.FindAsync(listed.ChannelId, listed.ConversationId));
        Assert.Single(await Transcripts.GetActivitiesAsync(listed.ChannelId, listed.ConversationId, CancellationToken.None));
    }

    [Fact]
    public async Task AReview_IsKept_AndItsScoreShowsInTheList()
    {
        await Transcripts.AppendAsync([Entry("c1", 0, RoleTypes.User, "hello")]);

        await Reviews.AddAsync("webchat", "c1", "Sue Supervisor", 2, "Too slow to hand off");
        await Reviews.AddAsync("webchat", "c1", "Sue Supervisor", null, "Followed up with the agent");

        Assert.Equal([(2, "Too slow to hand off"), (null, "Followed up with the agent")],
            (await Reviews.ForAsync("webchat", "c1", CancellationToken.None)).Select(r => (r.Score, r.Note)));
        Assert.Equal(2, (await List.FindAsync("webchat", "c1"))!.ReviewScore);
        Assert.Empty(await Reviews.ForAsync("webchat", "c2", CancellationToken.None));
    }

    [Fact]
    public async Task Expiry_DeletesInactiveConversations_ButNotOneWhoseCaseWaitsForAPerson()
    {
        await Transcripts.AppendAsync([Entry("old", 0, RoleTypes.User, "suitcase"), Entry("waiting", 0, RoleTypes.User, "suitcase"), Entry("recent", 600, RoleTypes.User, "suitcase")]);
        await Cases.OpenAsync(new CaseFile("CC-WAIT99", CaseReason.CustomerAskedForPerson, "webchat", "waiting", "user-waiting", "en-US", Start), CancellationToken.None);

        var deleted = (await Expiry.ExpireAsync(Start.AddHours(1))).Conversations;

        Assert.Equal(1, deleted);
        Assert.False(await Transcripts.ExistsAsync("webchat", "old", CancellationToken.None));
        Assert.Null(await List.FindAsync("webchat", "old"));
        Assert.True(await Transcripts.ExistsAsync("webchat", "waiting", CancellationToken.None));
        Assert.True(await Transcripts.ExistsAsync("webchat", "recent", CancellationToken.None));
        Assert.Equal(["recent", "waiting"], (await List.AllAsync(new ConversationQuery { Search = "suitcase" })).Select(s => s.ConversationId));
    }

    [Fact]
    public async Task Expiry_DeletesACaseClosedBeforeTheCutoff_AlsoInAConversationThatIsKept()
    {
        const int TwoYearsOn = 60 * 24 * 365 * 2;
        await Transcripts.AppendAsync([Entry("returning", 0, RoleTypes.User, "suitcase"), Entry("returning", TwoYearsOn, RoleTypes.User, "again")]);
        await Cases.OpenAsync(new CaseFile("CC-DONE01", CaseReason.CustomerAskedForPerson, "webchat", "returning", "user-returning", "en-US", Start), CancellationToken.None);
        await Cases.TryTakeAsync("CC-DONE01", "agent-1", "Ada Agent", CancellationToken.None);
        await Cases.TryMoveAsync("CC-DONE01", CaseStatus.Rating, null, CancellationToken.None);
        await Cases.TryMoveAsync("CC-DONE01", CaseStatus.Closed, 4, CancellationToken.None);

        var run = await Expiry.ExpireAsync(DateTime.UtcNow.AddDays(1));

        Assert.Equal((0, 1), (run.Conversations, run.ClosedCases));
        Assert.Null(await Cases.FindAsync("CC-DONE01", CancellationToken.None));
        Assert.True(await Transcripts.ExistsAsync("webchat", "returning", CancellationToken.None));
    }
}

public sealed class LiteDbConversationListTests : ConversationListContract
{
    private readonly LiteDbFile _file = LiteDbFile.Open(BotHost.TempDataPath());
    private LiteDbWriter? _writer;

    public override Task InitializeAsync()
    {
        _writer = new LiteDbWriter(_file);
        var index = new ConversationIndex(_file.Database, _writer);
        Transcripts = new TranscriptStore(_file.Database, _writer, index);
        List = new ConversationSearch(index, _writer);
        Reviews = new SupervisorReviews(_file.Database, _writer, index, TimeProvider.System);
        Expiry = new LiteDbRetention(_file.Database, _writer, index, new LiteDbConversationErasure(new LiteDbStorage(_file.Database, _writer)),
            new LiteDbLedger(_file.Database, _writer, TimeProvider.System, index));
        Cases = new LiteDbCaseStore(_file.Database, _writer, TimeProvider.System, index);
        return Task.CompletedTask;
    }

    public override Task DisposeAsync()
    {
        _writer?.Dispose();
        _file.Dispose();
        return Task.CompletedTask;
    }
}

public sealed class PostgreSqlConversationListTests : ConversationListContract
{
    private NpgsqlDataSource? _dataSource;

    public override async Task InitializeAsync()
    {
        _dataSource = NpgsqlDataSource.Create(await (await PostgreSqlServer.SharedAsync()).CreateDatabaseAsync(nameof(PostgreSqlConversationListTests)));
        await SchemaMigrator.MigrateAsync(_dataSource, CancellationToken.None);
        Transcripts = new PostgreSqlTranscriptStore(_dataSource);
        List = new PostgreSqlConversationList(_dataSource);
        Reviews = new PostgreSqlSupervisorReviews(_dataSource, TimeProvider.System);
        Expiry = new PostgreSqlRetention(_dataSource);
        Cases = new PostgreSqlCaseStore(_dataSource, TimeProvider.System);
    }

    public override async Task DisposeAsync()
    {
        if (_dataSource is not null)
        {
            await _dataSource.DisposeAsync();
        }
    }
}

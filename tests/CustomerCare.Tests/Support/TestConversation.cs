using System.Globalization;
using CustomerCare.Advice;
using CustomerCare.Airports;
using CustomerCare.Bot.Operations;
using CustomerCare.Bot.Storage;
using CustomerCare.Remedies;
using Microsoft.Extensions.Configuration;
using CustomerCare.Builder;
using CustomerCare.Cases;
using CustomerCare.Conversation;
using CustomerCare.Grants;
using CustomerCare.Ledger;
using CustomerCare.Schema;
using LiteDB;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace CustomerCare.Tests.Support;

/// <summary>One test conversation with the bot: real adapter, dialogs and stores, an in-memory data file and a fake clock.</summary>
public sealed class TestConversation : IDisposable
{
    private readonly BotAdapter _adapter;
    private readonly RecordingConnector _connector = new();
    private readonly Queue<Activity> _replies = new();
    private int _sequence;

    public TestConversation(string locale = "en-US", IBot? bot = null, IStorage? storage = null, CustomerCare.Mail.ICustomerMailer? mailer = null)
    {
        Locale = locale;
        File = LiteDbFile.Open(":memory:");
        Database = File.Database;
        Writer = new LiteDbWriter(File);
        Storage = storage ?? new LiteDbStorage(Database, Writer);
        Cases = new LiteDbCaseStore(Database, Writer, Clock);
        ConversationState = new ConversationState<ConversationData>(Storage, StateJsonContext.Default.ConversationData);
        var userState = new UserState<UserProfile>(Storage, StateJsonContext.Default.UserProfile);
        Ledger = new LiteDbLedger(Database, Writer, Clock);
        Operations = new LiteDbOperationsData(Database, Writer);
        new DemoDataSeeder(Operations, new ConfigurationBuilder().Build(), new Microsoft.Extensions.Hosting.Internal.HostingEnvironment { EnvironmentName = "Development" }, NullLogger<DemoDataSeeder>.Instance).StartAsync(CancellationToken.None).GetAwaiter().GetResult();
        Approvals = new LiteDbApprovalStore(Database, Writer);
        Grants = new CompensationGrants(Operations, Ledger, Approvals, new RemedyPolicyEngine(RemedyPolicyBook.Embedded), AirportDirectory.Embedded, AgentAuthority, Clock);
        Payouts = new LiteDbPayoutStore(Database, Writer);
        Bot = bot ?? new CustomerCareBot(ConversationState, userState, Language.Recognizer(Clock), new HandoffDesk(Cases, Clock), Grants, new CatalogSet(CatalogLoader.Embedded()), Clock,
            payouts: Payouts, promise: new CustomerCare.Payouts.PayoutPromise(7), mailer: mailer);
        _adapter = new BotAdapter(Bot, [], new TurnErrorPolicy(ConversationState, NullLogger<TurnErrorPolicy>.Instance), new ConversationLocks(), Clock);
    }

    public string Locale { get; set; }

    public string ConversationId { get; } = "test-" + Guid.NewGuid().ToString("N");

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));

    public LiteDbFile File { get; }

    public LiteDatabase Database { get; }

    public LiteDbWriter Writer { get; }

    public IStorage Storage { get; }

    public ICaseStore Cases { get; }

    public IApprovalStore Approvals { get; }

    public CompensationGrants Grants { get; }

    /// <summary>The agents' default authority (Agents:AuthorityLimits and Agents:ExchangeRates).</summary>
    public static AuthorityLimits AgentAuthority { get; } = new(new CustomerCare.Bot.Teams.AgentsOptions().AuthorityLimits, new CustomerCare.Bot.Teams.AgentsOptions().ExchangeRates);

    public IBot Bot { get; }

    public LiteDbLedger Ledger { get; }

    public LiteDbPayoutStore Payouts { get; }

    public LiteDbOperationsData Operations { get; }

    public ConversationState<ConversationData> ConversationState { get; }

    public int PendingReplies => _replies.Count;

    public Task SendAsync(string text) => SendAsync(new Activity { Type = ActivityTypes.Message, Text = text });

    public async Task SendAsync(Activity activity)
    {
        activity.Id ??= "in-" + (++_sequence).ToString(CultureInfo.InvariantCulture);
        activity.ChannelId ??= "test";
        activity.ServiceUrl ??= "https://test.invalid/";
        activity.Locale ??= Locale;
        activity.From ??= new ChannelAccount { Id = "user-1", Name = "Customer", Role = RoleTypes.User };
        activity.Recipient ??= new ChannelAccount { Id = "bot", Name = "CustomerCare", Role = RoleTypes.Bot };
        activity.Conversation ??= new ConversationAccount { Id = ConversationId };
        await _adapter.ProcessActivityAsync(activity, _connector, CancellationToken.None);
        while (_connector.Sent.TryDequeue(out var reply))
        {
            _replies.Enqueue(reply);
        }
    }

    public Activity NextReply()
    {
        Assert.True(_replies.Count > 0, "Expected a reply from the bot, but there was none.");
        return _replies.Dequeue();
    }

    /// <summary>Says something and returns every reply to it, one per line (a card by its fallback text).</summary>
    public async Task<string> SayAsync(string text)
    {
        await SendAsync(text);
        var replies = new List<string>();
        while (_replies.TryDequeue(out var reply))
        {
            replies.Add(reply.Text ?? string.Empty);
            // A card reads as its fallback text, as a channel without cards shows it.
            replies.AddRange((reply.Attachments ?? []).Select(a => a.Content is { ValueKind: System.Text.Json.JsonValueKind.Object } content
                && content.TryGetProperty("fallbackText", out var fallback) ? fallback.GetString() : null).OfType<string>());
        }
        return string.Join("\n", replies);
    }

    public string PeekPendingText() => string.Join(" | ", _replies.Select(r => r.Text));

    public void Dispose()
    {
        Writer.Dispose();
        File.Dispose();
    }
}

using System.Diagnostics;
using CustomerCare.Builder;
using CustomerCare.Conversation;
using CustomerCare.Recognition;
using CustomerCare.Schema;
using Activity = CustomerCare.Schema.Activity;
using Microsoft.Extensions.Logging.Abstractions;

namespace CustomerCare.Benchmarks;

/// <summary>The turn pipeline alone (dialogs, state serialization, operations data and ledger in an in-memory LiteDB; no HTTP, no disk).</summary>
internal static class TurnPipelineBenchmark
{
    private static readonly string[] Script = ["Report a disruption", "Delay", "DEMO05", "Probe", "no"];

    public static async Task<int> RunAsync(int turns)
    {
        using var file = CustomerCare.Bot.Storage.LiteDbFile.Open(":memory:");
        using var writer = new CustomerCare.Bot.Storage.LiteDbWriter(file);
        var operations = new CustomerCare.Bot.Storage.LiteDbOperationsData(file.Database, writer);
        await new CustomerCare.Bot.Operations.DemoDataSeeder(operations, new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build(),
            new Microsoft.Extensions.Hosting.Internal.HostingEnvironment { EnvironmentName = "Development" }, NullLogger<CustomerCare.Bot.Operations.DemoDataSeeder>.Instance).StartAsync(CancellationToken.None);
        var storage = new MemoryStorage();
        var conversationState = new ConversationState<ConversationData>(storage, StateJsonContext.Default.ConversationData);
        var userState = new UserState<UserProfile>(storage, StateJsonContext.Default.UserProfile);
        var bot = new CustomerCareBot(conversationState, userState, new KeywordRecognizer(), new HandoffDesk(new CustomerCare.Bot.Storage.LiteDbCaseStore(file.Database, writer, TimeProvider.System), TimeProvider.System),
            new CustomerCare.Grants.CompensationGrants(operations, new CustomerCare.Bot.Storage.LiteDbLedger(file.Database, writer, TimeProvider.System), new CustomerCare.Bot.Storage.LiteDbApprovalStore(file.Database, writer),
                new CustomerCare.Remedies.RemedyPolicyEngine(CustomerCare.Remedies.RemedyPolicyBook.Embedded), CustomerCare.Airports.AirportDirectory.Embedded,
                new CustomerCare.Ledger.AuthorityLimits(new CustomerCare.Bot.Teams.AgentsOptions().AuthorityLimits, new CustomerCare.Bot.Teams.AgentsOptions().ExchangeRates), TimeProvider.System),
            new CustomerCare.Advice.CatalogSet(CustomerCare.Advice.CatalogLoader.Embedded()),
            TimeProvider.System);
        var adapter = new BotAdapter(bot, [], new TurnErrorPolicy(conversationState, NullLogger<TurnErrorPolicy>.Instance), new ConversationLocks(), TimeProvider.System);
        var connector = new NullConnector();

        for (var pass = 0; pass < 2; pass++)
        {
            var count = pass == 0 ? turns / 10 : turns;
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            for (var i = 0; i < count; i++)
            {
                var conversation = "c" + (i % 50);
                var activity = new Activity
                {
                    Type = ActivityTypes.Message, Id = "m" + i, Text = Script[(i / 50) % Script.Length], ChannelId = "bench", ServiceUrl = "https://x/",
                    Locale = "en-US", From = new ChannelAccount { Id = "u" + conversation }, Recipient = new ChannelAccount { Id = "bot" },
                    Conversation = new ConversationAccount { Id = conversation },
                };
                await adapter.ProcessActivityAsync(activity, connector, CancellationToken.None);
            }
            if (pass == 1)
            {
                var used = Process.GetCurrentProcess().TotalProcessorTime - cpu;
                Console.WriteLine($"turn pipeline          {count} turns, {used.TotalMilliseconds * 1000 / count:F1} µs CPU/turn, {clock.Elapsed.TotalMilliseconds * 1000 / count:F1} µs wall/turn");
            }
        }
        return 0;
    }

    private sealed class NullConnector : IConnectorClient
    {
        public Task<ResourceResponse> SendToConversationAsync(string conversationId, Activity activity, CancellationToken cancellationToken) => Task.FromResult(new ResourceResponse("x"));

        public Task<ResourceResponse> ReplyToActivityAsync(string conversationId, string activityId, Activity activity, CancellationToken cancellationToken) => Task.FromResult(new ResourceResponse("x"));

        public Task<ResourceResponse> UpdateActivityAsync(string conversationId, string activityId, Activity activity, CancellationToken cancellationToken) => Task.FromResult(new ResourceResponse("x"));

        public Task DeleteActivityAsync(string conversationId, string activityId, CancellationToken cancellationToken) => Task.CompletedTask;

        public Task<ConversationResourceResponse> CreateConversationAsync(ConversationParameters parameters, CancellationToken cancellationToken) => Task.FromResult(new ConversationResourceResponse("x", null, null));
    }
}

using System.Diagnostics;
using CustomerCare.Builder;
using CustomerCare.Conversation;
using CustomerCare.Recognition;
using CustomerCare.Schema;
using Activity = CustomerCare.Schema.Activity;
using Microsoft.Extensions.Logging.Abstractions;

namespace CustomerCare.Benchmarks;

/// <summary>The turn pipeline alone (dialogs, state serialization, no HTTP, no disk): CPU microseconds per turn.</summary>
internal static class TurnPipelineBenchmark
{
    private static readonly string[] Script = ["Report a disruption", "Delay", "DEMO05", "Probe", "no"];

    public static async Task<int> RunAsync(int turns)
    {
        var storage = new MemoryStorage();
        var conversationState = new ConversationState<ConversationData>(storage, StateJsonContext.Default.ConversationData);
        var userState = new UserState<UserProfile>(storage, StateJsonContext.Default.UserProfile);
        var bot = new CustomerCareBot(conversationState, userState, new KeywordRecognizer(), new HandoffDesk(new NoCases(), TimeProvider.System),
            new DisruptionDesk(new NoOperations(), new NoLedger(), new CustomerCare.Remedies.RemedyPolicyEngine(CustomerCare.Remedies.RemedyPolicyBook.Embedded), CustomerCare.Airports.AirportDirectory.Embedded),
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

    private sealed class NoOperations : CustomerCare.Operations.IOperationsData
    {
        public Task<CustomerCare.Operations.Booking?> FindBookingAsync(string recordLocator, CancellationToken cancellationToken) => Task.FromResult<CustomerCare.Operations.Booking?>(null);

        public Task<CustomerCare.Operations.FlightOperation?> FindFlightAsync(string flightNumber, DateOnly scheduledDate, CancellationToken cancellationToken) => Task.FromResult<CustomerCare.Operations.FlightOperation?>(null);
    }

    private sealed class NoLedger : CustomerCare.Ledger.ICompensationLedger
    {
        public Task<CustomerCare.Ledger.GrantOutcome> TryGrantAsync(CustomerCare.Ledger.GrantRequest request, CancellationToken cancellationToken) => Task.FromResult<CustomerCare.Ledger.GrantOutcome>(new CustomerCare.Ledger.GrantOutcome.Refused("benchmark"));

        public Task<CustomerCare.Ledger.LedgerEntry?> FindAsync(CustomerCare.Ledger.EntitlementKey key, CancellationToken cancellationToken) => Task.FromResult<CustomerCare.Ledger.LedgerEntry?>(null);

        public Task<IReadOnlyList<CustomerCare.Ledger.LedgerEntry>> ForBookingAsync(string bookingReference, CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<CustomerCare.Ledger.LedgerEntry>>([]);

        public Task<long> RefusedSecondGrantsAsync(CancellationToken cancellationToken) => Task.FromResult(0L);
    }

    private sealed class NoCases : CustomerCare.Cases.ICaseStore
    {
        public Task OpenAsync(CustomerCare.Cases.CaseFile caseFile, CancellationToken cancellationToken) => Task.CompletedTask;

        public Task<IReadOnlyList<CustomerCare.Cases.CaseFile>> ListOpenAsync(CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<CustomerCare.Cases.CaseFile>>([]);
    }
}

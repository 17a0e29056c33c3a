using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using CustomerCare.Bot.Payouts;
using CustomerCare.Bot.Storage.PostgreSql;
using CustomerCare.Ledger;
using CustomerCare.Payouts;
using CustomerCare.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using static CustomerCare.Tests.Attack.PayoutAttacks;

namespace CustomerCare.Tests.Attack;

/// <summary>Attacks on the payout outbox and its dispatcher: the carry-over, two instances, a hostile webhook, an outbox write that fails.</summary>
public sealed class PayoutDeliveryAttackTests
{
    /// <summary>
    /// A grant made while the bot kept its ledger in the data file comes with its instruction there (waiting: no
    /// webhook yet). Moving to PostgreSQL carries the grant over with its instruction, so it is still delivered.
    /// </summary>
    [Fact]
    public async Task AGrantCarriedOverFromTheDataFileToPostgreSql_KeepsItsPayoutInstruction()
    {
        var dataPath = BotHost.TempDataPath();
        string reference;
        await using (var before = new BotHost(dataPath))
        {
            before.Settings["Payouts:SigningSecret"] = Secret;
            using var _ = before.CreateClient();
            reference = (await GrantAsync(before.Services.GetRequiredService<ICompensationLedger>(), "CRY", 0)).Reference;
            Assert.Equal(PayoutStatus.Waiting, (await before.Services.GetRequiredService<IPayoutStore>().FindAsync(reference, CancellationToken.None))!.Status);
        }
        var connectionString = await (await PostgreSqlServer.SharedAsync()).CreateDatabaseAsync("payoutcarryover");
        await using var after = new BotHost(dataPath);
        after.Settings["Payouts:SigningSecret"] = Secret;
        after.Settings["Storage:Provider"] = "PostgreSql";
        after.Settings["ConnectionStrings:CustomerCare"] = connectionString;
        using var client = after.CreateClient();

        var carried = await after.Services.GetRequiredService<ICompensationLedger>().ForBookingAsync("CRY00", CancellationToken.None);
        Assert.Contains(carried, e => e.Reference == reference);
        Assert.NotNull(await after.Services.GetRequiredService<IPayoutStore>().FindAsync(reference, CancellationToken.None));
    }

    private sealed class Clients(HttpMessageHandler handler) : IHttpClientFactory
    {
        public HttpClient CreateClient(string name) => new(handler, disposeHandler: false);
    }

    private sealed class Webhook(Func<HttpRequestMessage, Task<HttpResponseMessage>> answer) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) => answer(request);
    }

    /// <summary>
    /// Instance A takes a batch and delivers it one after the other, with a webhook answering within its timeout yet
    /// slowly (8 s of 10): the lease covers the whole batch, so instance B takes none of its tail meanwhile, and no
    /// instruction is posted by both.
    /// </summary>
    [Fact]
    public async Task TwoInstances_DoNotBothDeliverAnInstruction_WhoseLeaseRanOutWhileItWaitedInTheOthersBatch()
    {
        var connectionString = await (await PostgreSqlServer.SharedAsync()).CreateDatabaseAsync("payoutleasebatch");
        await using var sourceA = NpgsqlDataSource.Create(connectionString);
        await using var sourceB = NpgsqlDataSource.Create(connectionString);
        await SchemaMigrator.MigrateAsync(sourceA, CancellationToken.None);
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
        var ledger = new PostgreSqlLedger(sourceA, clock);
        var references = new List<string>();
        for (var i = 0; i < 10; i++)
        {
            references.Add((await GrantAsync(ledger, "LSE", i)).Reference);
        }
        var options = Options.Create(new PayoutOptions
        {
            WebhookUrl = "http://127.0.0.1:9/finance/payouts", SigningSecret = Secret, TimeoutSeconds = 10, BatchSize = 10, PollMilliseconds = 1000,
        });
        var posts = new ConcurrentQueue<(string Instance, string Key)>();
        var inFlight = new ConcurrentDictionary<string, int>();
        var overlapping = new ConcurrentBag<string>();
        async Task<HttpResponseMessage> Answer(string instance, HttpRequestMessage request, TimeSpan takes)
        {
            var key = request.Headers.GetValues("Idempotency-Key").Single();
            posts.Enqueue((instance, key));
            if (inFlight.AddOrUpdate(key, 1, (_, n) => n + 1) > 1)
            {
                overlapping.Add(key);
            }
            if (takes > TimeSpan.Zero)
            {
                // The webhook takes 8 s to say yes (within the 10 s timeout); A's clock moves on meanwhile.
                await Task.Run(() => clock.Advance(takes));
                await Task.Delay(300);
            }
            inFlight.AddOrUpdate(key, 0, (_, n) => n - 1);
            return new HttpResponseMessage(HttpStatusCode.Accepted);
        }
        using var webhookA = new Webhook(r => Answer("A", r, TimeSpan.FromSeconds(8)));
        using var webhookB = new Webhook(r => Answer("B", r, TimeSpan.Zero));
        var a = new PayoutDispatcher(new PostgreSqlPayoutStore(sourceA), new Clients(webhookA), options, clock, NullLogger<PayoutDispatcher>.Instance);
        var b = new PayoutDispatcher(new PostgreSqlPayoutStore(sourceB), new Clients(webhookB), options, clock, NullLogger<PayoutDispatcher>.Instance);

        await a.StartAsync(CancellationToken.None);
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (posts.IsEmpty && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }
        await b.StartAsync(CancellationToken.None);
        while (posts.Count(p => p.Instance == "A") < references.Count && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }
        await Task.Delay(500);
        await a.StopAsync(CancellationToken.None);
        await b.StopAsync(CancellationToken.None);

        var both = posts.GroupBy(p => p.Key).Where(g => g.Select(p => p.Instance).Distinct().Count() > 1).Select(g => g.Key).ToList();
        Assert.True(both.Count == 0,
            $"posted by both instances: {string.Join(", ", both)} (posts: {string.Join(" ", posts.Select(p => p.Instance + ":" + p.Key))}; overlapping in flight: {string.Join(", ", overlapping)})");
    }

    /// <summary>The webhook redirects one instruction (307, to another host's path) and answers another 2xx with an endless body.</summary>
    [Fact]
    public async Task AWebhookThatRedirects_IsNotFollowed_AndAnEndless2xxBody_IsNotRead()
    {
        var redirectedTo = 0;
        var first = true;
        var (finance, baseUrl) = await LoopbackServer.StartAsync(app =>
        {
            app.MapPost("/finance/payouts", async context =>
            {
                await context.Request.Body.CopyToAsync(Stream.Null);
                if (Interlocked.Exchange(ref first, false))
                {
                    context.Response.StatusCode = StatusCodes.Status307TemporaryRedirect;
                    context.Response.Headers.Location = "/elsewhere";
                    return;
                }
                context.Response.StatusCode = StatusCodes.Status200OK;
                var chunk = new byte[64 * 1024];
                for (var i = 0; i < 16 * 1024 && !context.RequestAborted.IsCancellationRequested; i++)
                {
                    await context.Response.Body.WriteAsync(chunk, context.RequestAborted).AsTask().ContinueWith(_ => { });
                }
            });
            app.MapPost("/elsewhere", (HttpContext _) => { Interlocked.Increment(ref redirectedTo); return Results.Ok(); });
        });
        await using var _f = finance;
        await using var host = new BotHost();
        host.Settings["Payouts:SigningSecret"] = Secret;
        host.Settings["Payouts:WebhookUrl"] = baseUrl + "/finance/payouts";
        host.Settings["Payouts:TimeoutSeconds"] = "5";
        using var http = host.CreateClient();
        var ledger = host.Services.GetRequiredService<ICompensationLedger>();
        var payouts = host.Services.GetRequiredService<IPayoutStore>();
        var one = await GrantAsync(ledger, "RDR", 0);
        var two = await GrantAsync(ledger, "RDR", 1);

        var deadline = DateTime.UtcNow.AddSeconds(30);
        PayoutState?[] states = [];
        while (DateTime.UtcNow < deadline)
        {
            host.Clock.Advance(TimeSpan.FromSeconds(2));
            states = [await payouts.FindAsync(one.Reference, CancellationToken.None), await payouts.FindAsync(two.Reference, CancellationToken.None)];
            if (states.All(s => s!.Status != PayoutStatus.Waiting))
            {
                break;
            }
            await Task.Delay(100);
        }

        Assert.Equal(0, redirectedTo);
        Assert.Equal((PayoutStatus.Failed, PayoutStatus.Sent), (states[0]!.Status, states[1]!.Status) is var t && t.Item1 == PayoutStatus.Sent ? (t.Item2, t.Item1) : t);
    }

    /// <summary>Held: when the outbox insert fails inside the grant's transaction, no grant is left without its instruction.</summary>
    [Fact]
    public async Task WhenTheInstructionCannotBeWritten_TheGrantIsNotMadeEither()
    {
        var connectionString = await (await PostgreSqlServer.SharedAsync()).CreateDatabaseAsync("payoutatomic");
        await using var source = NpgsqlDataSource.Create(connectionString);
        await SchemaMigrator.MigrateAsync(source, CancellationToken.None);
        await using (var command = source.CreateCommand("""
            CREATE FUNCTION payouts_boom() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'outbox down'; END $$;
            CREATE TRIGGER payouts_boom BEFORE INSERT ON payouts FOR EACH ROW EXECUTE FUNCTION payouts_boom();
            """))
        {
            await command.ExecuteNonQueryAsync();
        }
        var ledger = new PostgreSqlLedger(source, new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero)));

        await Assert.ThrowsAnyAsync<Exception>(() => ledger.TryGrantAsync(RequestFor("ATM", 0), CancellationToken.None));

        await using var count = source.CreateCommand("SELECT (SELECT count(*) FROM ledger_entries) + (SELECT count(*) FROM entitlement_claims)");
        Assert.Equal(0L, (long)(await count.ExecuteScalarAsync())!);
    }
}

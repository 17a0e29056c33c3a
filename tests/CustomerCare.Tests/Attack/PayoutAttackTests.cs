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

namespace CustomerCare.Tests.Attack;

/// <summary>Attacks on the payout outbox, its dispatcher and finance's status endpoint.</summary>
public sealed class PayoutAttackTests
{
    private const string Secret = "finance-and-bot-share-this-secret-0123456789";

    private static string Signed(byte[] body) => "sha256=" + Convert.ToHexString(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), body)).ToLowerInvariant();

    private static GrantRequest RequestFor(string tag, int i)
    {
        var who = LedgerRequests.Passenger(booking: tag + i.ToString("D2", System.Globalization.CultureInfo.InvariantCulture), passengerId: tag + "P" + i,
            last: "Payee" + (char)('a' + i) + tag.ToLowerInvariant(), flights: LedgerRequests.Flight("CC7" + i.ToString("D2", System.Globalization.CultureInfo.InvariantCulture)));
        return LedgerRequests.Request(who, LedgerRequests.Bot());
    }

    private static async Task<LedgerEntry> GrantAsync(ICompensationLedger ledger, string tag, int i)
        => Assert.IsType<GrantOutcome.Granted>(await ledger.TryGrantAsync(RequestFor(tag, i), CancellationToken.None)).Entry;

    private static async Task<HttpResponseMessage> ReportAsync(HttpClient http, string reference, byte[] body, string signature)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/payouts/{reference}/status") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new("application/json");
        request.Headers.TryAddWithoutValidation("CustomerCare-Signature", signature);
        return await http.SendAsync(request);
    }

    /// <summary>
    /// The signed body names its payout: a report finance signed for one grant, replayed by anyone who saw it (a log,
    /// a proxy, a mis-sent copy) against another grant's URL, is refused, and that other grant stays waiting for delivery.
    /// </summary>
    [Fact]
    public async Task ASignedReportForOneGrant_ReplayedAgainstAnotherGrant_IsRefused()
    {
        await using var host = new BotHost();
        host.Settings["Payouts:SigningSecret"] = Secret;
        using var http = host.CreateClient();
        var ledger = host.Services.GetRequiredService<ICompensationLedger>();
        var payouts = host.Services.GetRequiredService<IPayoutStore>();
        var a = await GrantAsync(ledger, "RPA", 0);
        var b = await GrantAsync(ledger, "RPA", 1);

        var body = System.Text.Encoding.UTF8.GetBytes($$"""{"reference":"{{a.Reference}}","status":"paid"}""");
        var signature = Signed(body);
        Assert.Equal(HttpStatusCode.OK, (await ReportAsync(http, a.Reference, body, signature)).StatusCode);

        // The very same bytes and header, sent to B's URL.
        var replayed = await ReportAsync(http, b.Reference, body, signature);

        Assert.False(replayed.IsSuccessStatusCode, $"a report signed for {a.Reference} was accepted for {b.Reference}: {(int)replayed.StatusCode}");
        Assert.Equal(PayoutStatus.Waiting, (await payouts.FindAsync(b.Reference, CancellationToken.None))!.Status);
    }

    /// <summary>A second "paid" report naming another payment day is a different report: the first stands.</summary>
    [Fact]
    public void ASecondPaidReport_WithAnotherPaymentDay_IsAConflict()
    {
        var instruction = new PayoutInstruction("G-AAAA0000", "P1", "Alex Sample", "DEMO01", [new PayoutAmount(250m, "EUR")], PayoutMethod.OriginalPaymentMethod,
            ["EU261"], "2025.01", new DateTime(2026, 11, 23, 9, 0, 0, DateTimeKind.Utc));
        var now = new DateTime(2026, 11, 24, 9, 0, 0, DateTimeKind.Utc);
        var paid = Assert.IsType<PayoutReportOutcome.Recorded>(new PayoutState(instruction, PayoutStatus.Sent, 1, now).Apply(new FinanceReport(true, null, new DateOnly(2026, 11, 25)), now)).State;

        Assert.IsType<PayoutReportOutcome.Conflict>(paid.Apply(new FinanceReport(true, null, new DateOnly(2026, 12, 31)), now));
    }

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

    /// <summary>Real Kestrel: a chunked report without Content-Length beyond 16 KB, and a body trickled in byte by byte.</summary>
    [Fact]
    public async Task TheStatusEndpoint_RefusesAChunkedHugeBody_AndDropsASlowloris()
    {
        using var bot = await BotProcess.StartAsync(BotHost.TempDataPath(), "--Payouts:SigningSecret", Secret);
        var port = new Uri(bot.Url).Port;

        using (var tcp = new TcpClient())
        {
            await tcp.ConnectAsync(IPAddress.Loopback, port);
            var stream = tcp.GetStream();
            await stream.WriteAsync(Encoding.ASCII.GetBytes(
                "POST /api/payouts/G-NOSUCH00/status HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nCustomerCare-Signature: sha256=" + new string('0', 64) + "\r\n\r\n"));
            var chunk = Encoding.ASCII.GetBytes("1000\r\n" + new string(' ', 0x1000) + "\r\n");
            try
            {
                for (var i = 0; i < 6; i++)
                {
                    await stream.WriteAsync(chunk);
                }
                await stream.WriteAsync("0\r\n\r\n"u8.ToArray());
            }
            catch (IOException)
            {
                // The server may stop reading once it has answered.
            }
            var answer = new byte[256];
            var read = await stream.ReadAsync(answer).AsTask().WaitAsync(TimeSpan.FromSeconds(10));
            Assert.StartsWith("HTTP/1.1 413", Encoding.ASCII.GetString(answer, 0, read));
        }

        using (var tcp = new TcpClient())
        {
            await tcp.ConnectAsync(IPAddress.Loopback, port);
            var stream = tcp.GetStream();
            await stream.WriteAsync(Encoding.ASCII.GetBytes(
                "POST /api/payouts/G-NOSUCH00/status HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 10000\r\nCustomerCare-Signature: sha256=" + new string('0', 64) + "\r\n\r\n"));
            var started = DateTime.UtcNow;
            var answer = new byte[512];
            var reading = stream.ReadAsync(answer).AsTask();
            var dropped = false;
            while (DateTime.UtcNow - started < TimeSpan.FromSeconds(20))
            {
                if (reading.IsCompleted)
                {
                    dropped = true;
                    break;
                }
                try
                {
                    await stream.WriteAsync(" "u8.ToArray());
                }
                catch (IOException)
                {
                    dropped = true;
                    break;
                }
                await Task.Delay(1000);
            }
            Assert.True(dropped, "a body trickled at 1 byte/s held the connection for 20 s");
        }
    }
}

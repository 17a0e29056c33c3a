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

/// <summary>Attacks on finance's status endpoint: replayed, contradicting, oversized and trickled reports.</summary>
public sealed class FinanceReportAttackTests
{
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

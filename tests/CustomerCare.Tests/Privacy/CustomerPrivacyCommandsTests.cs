using System.Net;
using System.Text.Json.Nodes;
using CustomerCare.Bot.Cli;
using CustomerCare.Bot.Transcripts;
using CustomerCare.Cases;
using CustomerCare.Payouts;
using CustomerCare.Privacy;
using CustomerCare.Schema;
using CustomerCare.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerCare.Tests.Privacy;

/// <summary>
/// export-customer writes everything held about one passenger and nothing of another; erase-customer deletes it all
/// but the grant and its payout, which stay pseudonymised — on the data file and on PostgreSQL.
/// </summary>
public sealed class CustomerPrivacyCommandsTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ExportThenErase_TheExportHoldsOnlyTheCustomer_AndAfterErasureOnlyThePseudonymisedGrantRemains(bool postgreSql)
    {
        var host = new BotHost();
        var settings = new List<string> { "--data", host.DataPath };
        if (postgreSql)
        {
            var connection = await (await PostgreSqlServer.SharedAsync()).CreateDatabaseAsync("privacy");
            host.Settings["Storage:Provider"] = "PostgreSql";
            host.Settings["ConnectionStrings:CustomerCare"] = connection;
            settings = ["--Storage:Provider", "PostgreSql", "--ConnectionStrings:CustomerCare", connection];
        }
        string alexConversation, mariaConversation, grant;
        await using (host)
        {
            var http = host.CreateClient();
            var alex = await new DirectLineClient(http).StartAsync();
            foreach (var said in new[] { "My flight CC400 was delayed, booking DEMO01", "Sample", "yes" })
            {
                await alex.PostMessageAsync(said);
            }
            Assert.Equal(HttpStatusCode.OK, await alex.UploadAsync("boarding-pass-alex.jpg", "JPEG"u8.ToArray()));
            await alex.PostMessageAsync("talk to a human");
            await alex.PostMessageAsync("write to alex.callback@example.com");
            var cases = host.Services.GetRequiredService<ICaseStore>();
            var held = Assert.Single(await cases.ForConversationAsync("directline", alex.ConversationId!, CancellationToken.None)).Case.Reference;
            // The case was posted to the agents' Teams thread, where the customer's words were relayed.
            await cases.AttachAgentThreadAsync(held, new AgentThread(AgentsThread, "https://smba.example/", "bot-id", "card-1"), CancellationToken.None);
            await host.Services.GetRequiredService<ITranscriptStore>().AppendAsync([RelayedEntry(host.Clock.GetUtcNow().UtcDateTime)]);
            await cases.TryTakeAsync(held, "agent-1", "Ada Agent", CancellationToken.None);
            await cases.TryMoveAsync(held, CaseStatus.Rating, null, CancellationToken.None);
            await cases.TryMoveAsync(held, CaseStatus.Closed, 5, CancellationToken.None);
            await host.Services.GetRequiredService<CustomerCare.Bot.Supervisors.ISupervisorReviews>().AddAsync("directline", alex.ConversationId!, "Sue Supervisor", 5, "Model answer");
            grant = Assert.Single(await host.Services.GetRequiredService<CustomerCare.Ledger.ICompensationLedger>().ForBookingAsync("DEMO01", CancellationToken.None)).Reference;
            await host.Services.GetRequiredService<IPayoutStore>().ReportAsync(grant, new FinanceReport(true, null, null), host.Clock.GetUtcNow().UtcDateTime, CancellationToken.None);

            var maria = await new DirectLineClient(http).StartAsync("de-DE");
            foreach (var said in new[] { "Störung melden", "Annullierung", "DEMO02", "Beispiel", "Ja" })
            {
                await maria.PostMessageAsync(said);
            }
            (alexConversation, mariaConversation) = (alex.ConversationId!, maria.ConversationId!);
            // Let the transcript writer flush what the turns logged before the data file is let go.
            await Task.Delay(1500);
        }

        var (exit, export, _) = await ExportAsync(settings);
        Assert.Equal(0, exit);
        var text = export.ToJsonString();
        foreach (var held in new[] { "Alex Sample", "alex.sample@example.com", alexConversation, AgentsThread, "Relayed from Alex: my bag", "boarding-pass-alex.jpg", "talk to a human", "Model answer", "Ada Agent", "alex.callback@example.com", grant })
        {
            Assert.Contains(held, text, StringComparison.Ordinal);
        }
        foreach (var notHers in new[] { "Beispiel", "DEMO02", mariaConversation })
        {
            Assert.DoesNotContain(notHers, text, StringComparison.Ordinal);
        }
        Assert.NotNull(export["conversations"]![0]!["state"]);

        var (erased, told, failed) = await RunAsync(EraseCustomerCommand.RunAsync, ["--booking", "DEMO01", "--passenger", "DEMO01-1", "--yes", .. settings]);
        Assert.True(erased == 0, told + failed);
        Assert.Contains("deleted 2 conversation(s)", told, StringComparison.Ordinal);
        Assert.Contains("deleted 1 closed case(s) and 1 review(s)", told, StringComparison.Ordinal);
        Assert.Contains("Art. 17(3)(b)", told, StringComparison.Ordinal);

        // What remains is the grant and its payout, under the pseudonym; the booking record is the booking system's.
        var (_, after, _) = await ExportAsync(settings);
        var pseudonym = LedgerPseudonyms.For("DEMO01", "DEMO01-1");
        Assert.Empty(after["conversations"]!.AsArray());
        var kept = Assert.Single(after["grants"]!.AsArray())!;
        Assert.Equal((grant, pseudonym, "DEMO01-1"), (kept["reference"]!.GetValue<string>(), kept["key"]!["passengerName"]!.GetValue<string>(), kept["key"]!["passengerId"]!.GetValue<string>()));
        Assert.Equal(pseudonym, Assert.Single(after["payouts"]!.AsArray())!["instruction"]!["passengerName"]!.GetValue<string>());
        after.AsObject().Remove("passenger");
        Assert.DoesNotContain("Alex", after.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain("alex.sample", after.ToJsonString(), StringComparison.Ordinal);

        // The other customer is untouched.
        var (_, other, _) = await RunAsync(ExportCustomerCommand.RunAsync, ["--booking", "DEMO02", "--passenger", "DEMO02-1", .. settings]);
        Assert.Contains(mariaConversation, other, StringComparison.Ordinal);
        Assert.Contains("Maria Beispiel", other, StringComparison.Ordinal);

        // Her payout is not yet paid: erasing her deletes her conversation but leaves the grant whole, and says so.
        var (partly, leftOver, _) = await RunAsync(EraseCustomerCommand.RunAsync, ["--booking", "DEMO02", "--passenger", "DEMO02-1", "--yes", .. settings]);
        Assert.Equal(3, partly);
        Assert.Contains("whole: its payout is Waiting", leftOver, StringComparison.Ordinal);
        var (_, unpaid, _) = await RunAsync(ExportCustomerCommand.RunAsync, ["--booking", "DEMO02", "--passenger", "DEMO02-1", .. settings]);
        Assert.Empty(JsonNode.Parse(unpaid)!["conversations"]!.AsArray());
        Assert.Equal("Maria Beispiel", Assert.Single(JsonNode.Parse(unpaid)!["grants"]!.AsArray())!["key"]!["passengerName"]!.GetValue<string>());
    }

    [Fact]
    public async Task BadInput_IsToldClearly_WithItsExitCode()
    {
        var data = BotHost.TempDataPath();
        await using (var host = new BotHost(data))
        {
            await new DirectLineClient(host.CreateClient()).StartAsync();
        }

        var (missing, _, why) = await RunAsync(ExportCustomerCommand.RunAsync, ["--booking", "DEMO01", "--data", data]);
        Assert.Equal(2, missing);
        Assert.Contains("--passenger", why, StringComparison.Ordinal);

        var (unknown, _, unknownWhy) = await RunAsync(ExportCustomerCommand.RunAsync, ["--booking", "NOSUCH", "--passenger", "X-1", "--data", data]);
        Assert.Equal(1, unknown);
        Assert.Contains("no passenger X-1 on booking NOSUCH is known", unknownWhy, StringComparison.Ordinal);

        var (unconfirmed, _, unconfirmedWhy) = await RunAsync(EraseCustomerCommand.RunAsync, ["--booking", "DEMO01", "--passenger", "DEMO01-1", "--data", data]);
        Assert.Equal(2, unconfirmed);
        Assert.Contains("--yes", unconfirmedWhy, StringComparison.Ordinal);

        var (noFile, _, noFileWhy) = await RunAsync(EraseCustomerCommand.RunAsync, ["--booking", "DEMO01", "--passenger", "DEMO01-1", "--yes", "--data", data + ".missing"]);
        Assert.Equal(1, noFile);
        Assert.Contains("no data file", noFileWhy, StringComparison.Ordinal);
    }

    private const string AgentsThread = "19:agents@thread.tacv2;messageid=1700000000001";

    private static TranscriptEntry RelayedEntry(DateTime at)
    {
        var activity = new Activity
        {
            Type = ActivityTypes.Message, Text = "Relayed from Alex: my bag", ChannelId = "msteams", Timestamp = at,
            From = new ChannelAccount { Id = "bot-id", Role = RoleTypes.Bot }, Conversation = new ConversationAccount { Id = AgentsThread, ConversationType = "channel" },
        };
        return new TranscriptEntry("msteams", AgentsThread, at, RoleTypes.Bot, ActivityTypes.Message, System.Text.Json.JsonSerializer.Serialize(activity, ProtocolJsonContext.Default.Activity))
        {
            Text = activity.Text, ConversationType = "channel", FromId = "bot-id",
        };
    }

    private static async Task<(int Exit, JsonNode Export, string Error)> ExportAsync(List<string> settings)
    {
        var file = Path.Combine(Path.GetTempPath(), "customercare-tests", Guid.NewGuid().ToString("N") + ".json");
        var (exit, _, error) = await RunAsync(ExportCustomerCommand.RunAsync, ["--booking", "demo01", "--passenger", "DEMO01-1", "--out", file, .. settings]);
        Assert.True(exit == 0, error);
        return (exit, JsonNode.Parse(await File.ReadAllTextAsync(file))!, error);
    }

    private static async Task<(int Exit, string Output, string Error)> RunAsync(Func<string[], TextWriter, TextWriter, Task<int>> command, string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await command(args, output, error);
        return (exit, output.ToString(), error.ToString());
    }
}

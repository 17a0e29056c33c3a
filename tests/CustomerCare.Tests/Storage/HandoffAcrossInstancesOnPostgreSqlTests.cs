using System.Net.Http.Json;
using CustomerCare.Bot.Storage.PostgreSql;
using CustomerCare.Tests.Support;
using Npgsql;

namespace CustomerCare.Tests.Storage;

/// <summary>
/// Two bot processes on one PostgreSQL database, as agents in Teams and a customer see them: whichever instance
/// receives a turn knows the case, who holds it, its thread and where the bot lives in Teams.
/// </summary>
public sealed class HandoffAcrossInstancesOnPostgreSqlTests
{
    private const string Customer = "customer-across";

    [Fact]
    public async Task ACaseTakenThroughOneInstance_IsRelayedAndGrantedThroughTheOther_AndOnlyItsHolderGrants_Once()
    {
        var connectionString = await (await PostgreSqlServer.SharedAsync()).CreateDatabaseAsync(nameof(HandoffAcrossInstancesOnPostgreSqlTests));
        await using var teams = await TeamsAgents.StartAsync();
        var started = await Task.WhenAll(StartAsync(connectionString, teams), StartAsync(connectionString, teams));
        using var a = started[0];
        using var b = started[1];
        using var toA = new HttpClient { BaseAddress = new Uri(a.Url) };
        using var toB = new HttpClient { BaseAddress = new Uri(b.Url) };
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        var locator = DelayedFlightClaims.Locator(0);

        // Only B sees the bot installed in the agents' channel; A posts the case there all the same.
        await teams.SendAsync(toB, teams.InChannel("conversationUpdate", "ada", "Ada Agent"));
        await CustomerSaysAsync(toA, teams, 1, $"My flight CC500 was delayed, booking {locator}");
        await CustomerSaysAsync(toA, teams, 2, "Crash");
        await CustomerSaysAsync(toA, teams, 3, "I want to talk to a person");
        var card = Assert.Single(teams.Channel.Calls, c => c.Method == "POST" && c.Path == "/v3/conversations").Body!["activity"]!["attachments"]![0]!["content"]!;
        var reference = card["actions"]![0]!["data"]!["case"]!.GetValue<string>();
        var thread = await ScalarAsync<string>(dataSource, "SELECT agent_thread_id FROM cases WHERE reference = $1", reference);

        var take = new { action = new { type = "Action.Execute", verb = "take", data = new { @case = reference } }, trigger = "manual" };
        await teams.SendAsync(toA, teams.InChannel("invoke", "ada", "Ada Agent", take, "adaptiveCard/action"));
        await CustomerSaysAsync(toB, teams, 4, "Is my hotel covered?");
        await teams.SendAsync(toB, teams.InThread("ada", "Ada Agent", "Yes, up to 150 EUR per night.", thread: thread!));
        await teams.SendAsync(toA, teams.InThread("bob", "Bob Agent", "grant", thread: thread!));
        await teams.SendAsync(toB, teams.InThread("ada", "Ada Agent", "grant", thread: thread!));
        await teams.SendAsync(toA, teams.InThread("ada", "Ada Agent", "grant", thread: thread!));

        var toCustomer = TextsTo(teams, Customer);
        var toThread = TextsTo(teams, thread!);
        Assert.Contains(toThread, t => t.Contains("Is my hotel covered?", StringComparison.Ordinal));
        Assert.Contains(toCustomer, t => t.Contains("Yes, up to 150 EUR per night.", StringComparison.Ordinal));
        Assert.DoesNotContain(toCustomer, t => t.Contains("Is my hotel covered?", StringComparison.Ordinal));
        Assert.Equal(1L, await ScalarAsync<long>(dataSource, "SELECT count(*) FROM ledger_entries WHERE booking = $1", locator));
        Assert.Equal(("Agent", "ada"), (await ScalarAsync<string>(dataSource, "SELECT actor_kind FROM ledger_entries WHERE booking = $1", locator),
            await ScalarAsync<string>(dataSource, "SELECT actor_id FROM ledger_entries WHERE booking = $1", locator)));
        var granted = await ScalarAsync<string>(dataSource, "SELECT reference FROM ledger_entries WHERE booking = $1", locator);
        Assert.Contains(toCustomer, t => t.Contains(granted!, StringComparison.Ordinal));
        Assert.Contains(toThread, t => t.Contains("Only Ada Agent", StringComparison.Ordinal) || t.Contains("Ada Agent holds", StringComparison.Ordinal));
        Assert.Contains(toThread, t => t.Contains("already granted", StringComparison.OrdinalIgnoreCase));

        // The supervisors' list and the transcript hold what both instances logged, in the order it happened.
        var transcripts = new PostgreSqlTranscriptStore(dataSource);
        var said = await UntilAsync(async () => (await transcripts.GetActivitiesAsync("emulator", Customer, CancellationToken.None))
            .Where(x => x.From?.Role == "user").Select(x => x.Text).ToList(), texts => texts.Count == 4);
        Assert.Equal([$"My flight CC500 was delayed, booking {locator}", "Crash", "I want to talk to a person", "Is my hotel covered?"], said);
        var summary = await UntilAsync(() => new PostgreSqlConversationList(dataSource).FindAsync("emulator", Customer), s => s?.Grants == 1);
        Assert.Equal((true, reference, 1), (summary!.HandedOff, summary.CaseReference, summary.Grants));
        Assert.Contains("Ada Agent", summary.Agents);
    }

    private static async Task<T> UntilAsync<T>(Func<Task<T>> read, Func<T, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        var value = await read();
        while (!done(value) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
            value = await read();
        }
        return value;
    }

    private static async Task<BotProcess> StartAsync(string connectionString, TeamsAgents teams)
    {
        var dataPath = BotHost.TempDataPath();
        DelayedFlightClaims.Import(dataPath, 1);
        return await BotProcess.StartAsync(dataPath, "--Storage:Provider", "PostgreSql", "--ConnectionStrings:CustomerCare", connectionString,
            "--MicrosoftAppId", TeamsAgents.AppId, "--ChannelAuth:OpenIdMetadataUrl", teams.Authority.MetadataUrl, "--ChannelAuth:RequireHttpsMetadata", "false",
            "--Teams:AgentChannelId", TeamsAgents.AgentChannel, "--Teams:TenantId", TeamsAgents.Tenant);
    }

    /// <summary>The customer writes on a channel whose Connector is the test's: what the bot sends them is recorded there.</summary>
    private static async Task CustomerSaysAsync(HttpClient bot, TeamsAgents teams, int turn, string text)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = JsonContent.Create(new
        {
            type = "message", id = $"{Customer}-{turn}", text, channelId = "emulator", serviceUrl = teams.Channel.ServiceUrl, locale = "en-US",
            from = new { id = "user-across" }, recipient = new { id = "bot" }, conversation = new { id = Customer },
        }) };
        request.Headers.Authorization = new("Bearer", teams.Authority.Token(TeamsAgents.AppId, teams.Channel.ServiceUrl));
        (await bot.SendAsync(request)).EnsureSuccessStatusCode();
    }

    private static List<string> TextsTo(TeamsAgents teams, string conversation)
        => teams.Channel.Calls.Where(c => c.Path.StartsWith("/v3/conversations/" + Uri.EscapeDataString(conversation) + "/", StringComparison.Ordinal))
            .Select(c => c.Body?.ToJsonString() ?? string.Empty).ToList();

    private static async Task<T?> ScalarAsync<T>(NpgsqlDataSource dataSource, string sql, string parameter)
    {
        await using var command = dataSource.CreateCommand(sql);
        command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        return await command.ExecuteScalarAsync() is T value ? value : default;
    }
}

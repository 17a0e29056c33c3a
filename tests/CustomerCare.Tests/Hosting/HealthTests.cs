using System.Net;
using System.Text.Json.Nodes;
using CustomerCare.Tests.Support;
using Npgsql;

namespace CustomerCare.Tests.Hosting;

/// <summary>
/// Honest health: live answers while the process runs; ready only while the store takes a write, the language models
/// are loaded and the payout backlog is small — on PostgreSQL, a database that stops taking writes turns the instance
/// unready, and it is ready again once writes come back.
/// </summary>
public sealed class HealthTests
{
    private static async Task<(HttpStatusCode Status, JsonNode Body)> GetAsync(HttpClient http, string path)
    {
        using var response = await http.GetAsync(path);
        return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync())!);
    }

    private static async Task<(HttpStatusCode Status, JsonNode Body)> UntilAsync(HttpClient http, HttpStatusCode wanted)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var ready = await GetAsync(http, "/healthz/ready");
            if (ready.Status == wanted || DateTime.UtcNow > deadline)
            {
                return ready;
            }
            await Task.Delay(100);
        }
    }

    [Fact]
    public async Task Live_AnswersAtOnce_AndReady_NamesEveryCheck()
    {
        await using var host = new BotHost();
        var http = host.CreateClient();

        var live = await GetAsync(http, "/healthz/live");
        var ready = await UntilAsync(http, HttpStatusCode.OK);

        Assert.Equal((HttpStatusCode.OK, "healthy"), (live.Status, live.Body["status"]!.GetValue<string>()));
        // Live asks only what a restart would cure: whether the data file's engine is still open.
        Assert.Equal(["data file engine"], live.Body["checks"]!.AsArray().Select(c => c!["name"]!.GetValue<string>()));
        Assert.Equal(HttpStatusCode.OK, ready.Status);
        Assert.Equal(["data file engine", "store", "language models", "payout backlog"], ready.Body["checks"]!.AsArray().Select(c => c!["name"]!.GetValue<string>()));
        Assert.All(ready.Body["checks"]!.AsArray(), c => Assert.Equal("healthy", c!["status"]!.GetValue<string>()));
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/healthz")).StatusCode);
    }

    [Fact]
    public async Task ADatabaseThatTakesNoWrites_MakesTheInstanceUnready_UntilWritesComeBack()
    {
        var connectionString = await (await PostgreSqlServer.SharedAsync()).CreateDatabaseAsync(nameof(HealthTests));
        var database = new NpgsqlConnectionStringBuilder(connectionString).Database!;
        await using var host = new BotHost();
        host.Settings["Storage:Provider"] = "PostgreSql";
        host.Settings["ConnectionStrings:CustomerCare"] = connectionString;
        var http = host.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await UntilAsync(http, HttpStatusCode.OK)).Status);

        await using var admin = NpgsqlDataSource.Create(connectionString);
        async Task ReadOnlyAsync(bool on)
        {
            await using (var set = admin.CreateCommand($"ALTER DATABASE \"{database}\" SET default_transaction_read_only = {(on ? "on" : "off")}"))
            {
                await set.ExecuteNonQueryAsync();
            }
            // Sessions already open keep their setting: the bot's pooled connections start new ones.
            await using var end = admin.CreateCommand("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()");
            await end.ExecuteNonQueryAsync();
        }

        await ReadOnlyAsync(on: true);
        var unready = await UntilAsync(http, HttpStatusCode.ServiceUnavailable);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, unready.Status);
        var store = unready.Body["checks"]!.AsArray().Single(c => c!["name"]!.GetValue<string>() == "store")!;
        Assert.Equal("unhealthy", store["status"]!.GetValue<string>());
        // Anyone may ask: the answer names the check, the log says what the store said.
        Assert.Equal("the store refused a write (the log says why)", store["description"]!.GetValue<string>());
        Assert.DoesNotContain(database, unready.Body.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains(host.Logs.Lines, l => l.Message.Contains("Not ready: the store refused the readiness write", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/healthz/live")).StatusCode);

        await ReadOnlyAsync(on: false);
        Assert.Equal(HttpStatusCode.OK, (await UntilAsync(http, HttpStatusCode.OK)).Status);
    }
}

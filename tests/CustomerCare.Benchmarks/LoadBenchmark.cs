using System.Diagnostics;
using System.Globalization;

namespace CustomerCare.Benchmarks;

/// <summary>
/// Plays the channel: N users, each in its own conversation, walk a script (by default the three-step
/// compensation-status waterfall) through /api/messages over and over; the bot's replies go to a local Connector sink. Latency is request to response,
/// by which time the bot has delivered its reply (as the Bot Framework SDK does).
/// </summary>
internal static class LoadBenchmark
{
    public static async Task<int> RunAsync(LoadOptions options)
    {
        var loadCore = options.BotCore == 0 ? 1 : 0;
        if (Environment.ProcessorCount > 1 && OperatingSystem.IsLinux())
        {
            Process.GetCurrentProcess().ProcessorAffinity = 1 << loadCore;
        }

        await using var sink = await ConnectorSink.StartAsync();
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = options.Users + 4 }) { Timeout = TimeSpan.FromSeconds(30) };
        BotProcess.WarmLanguageModels(options.BotDll);
        var started = Stopwatch.StartNew();
        // PostgreSQL runs on the load generator's core, so the bot's core measures the bot alone.
        using var postgres = options.Store == "postgresql" ? BenchmarkPostgreSql.Start(loadCore) : null;
        using var bot = BotProcess.Start(options.BotCore, dll: options.BotDll, settings: postgres is null ? [] : ["--Storage:Provider", "PostgreSql", "--ConnectionStrings:CustomerCare", postgres.ConnectionString]);
        var coldStart = await FirstAnsweredTurnAsync(http, bot.Url, sink.ServiceUrl, started);

        using var stop = new CancellationTokenSource();
        var recording = new StrongBox();
        var latencies = Enumerable.Range(0, options.Users).Select(_ => new List<double>(100_000)).ToArray();
        var failures = new int[options.Users];
        var users = Enumerable.Range(0, options.Users)
            .Select(u => Task.Run(() => PlayUserAsync(http, bot.Url, sink.ServiceUrl, options.Turns, u, latencies[u], failures, recording, stop.Token)))
            .ToArray();

        await ReportProgressAsync("warm-up", TimeSpan.FromSeconds(options.WarmupSeconds), () => sink.Received);
        var sentBefore = sink.Received;
        var cpuBefore = bot.CpuTime();
        var loadCpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        postgres?.ResetStatements();
        var postgresCpuBefore = BenchmarkPostgreSql.CpuTime();
        recording.On = true;
        var window = Stopwatch.StartNew();
        await ReportProgressAsync("measuring", TimeSpan.FromSeconds(options.Seconds), () => sink.Received);
        recording.On = false;
        window.Stop();
        var cpuInWindow = bot.CpuTime() - cpuBefore;
        var loadCpuInWindow = Process.GetCurrentProcess().TotalProcessorTime - loadCpuBefore;
        var postgresCpuInWindow = BenchmarkPostgreSql.CpuTime() - postgresCpuBefore;
        var repliesInWindow = sink.Received - sentBefore;
        await stop.CancelAsync();
        await Task.WhenAll(users);

        var all = latencies.SelectMany(l => l).Order().ToArray();
        var report = new[]
        {
            $"users                 {options.Users} (bot on core {options.BotCore}, load on core {loadCore})",
            $"store                 {options.Store}",
            $"script                {options.Script}: {string.Join(" → ", options.Turns.Select(t => '"' + t + '"'))}",
            $"turns measured        {all.Length} in {window.Elapsed.TotalSeconds:F1} s",
            $"throughput            {all.Length / window.Elapsed.TotalSeconds:F0} turns/s",
            $"latency p50           {Percentile(all, 0.50):F2} ms",
            $"latency p95           {Percentile(all, 0.95):F2} ms",
            $"latency p99           {Percentile(all, 0.99):F2} ms",
            $"latency max           {(all.Length > 0 ? all[^1] : double.NaN):F2} ms",
            $"bot CPU per turn      {cpuInWindow.TotalMicroseconds / Math.Max(1, all.Length):F0} µs ({cpuInWindow.TotalSeconds / window.Elapsed.TotalSeconds:P0} of its core)",
            $"load generator CPU    {loadCpuInWindow.TotalSeconds / window.Elapsed.TotalSeconds:P0} of its core (users and Connector sink)",
            $"replies delivered     {repliesInWindow}",
            $"failed turns          {failures.Sum()}",
            $"bot peak RSS          {bot.PeakRssMegabytes():F0} MB",
            $"cold start            {coldStart.TotalMilliseconds:F0} ms (process start to first answered turn)",
        };
        Console.WriteLine(string.Join(Environment.NewLine, report));
        if (postgres is not null)
        {
            Console.WriteLine(FormattableString.Invariant(
                $"PostgreSQL CPU        {postgresCpuInWindow.TotalMicroseconds / Math.Max(1, all.Length):F0} µs per turn ({postgresCpuInWindow.TotalSeconds / window.Elapsed.TotalSeconds:P0} of the load generator's core)"));
            Console.WriteLine("PostgreSQL statements by server time (pg_stat_statements, execution only):");
            foreach (var line in postgres.TopStatements(10, all.Length))
            {
                Console.WriteLine("  " + line);
            }
        }
        return failures.Sum() == 0 ? 0 : 1;
    }

    /// <summary>Waits for the given time, printing the replies per second the sink saw every five seconds.</summary>
    private static async Task ReportProgressAsync(string phase, TimeSpan length, Func<long> replies)
    {
        var clock = Stopwatch.StartNew();
        while (length - clock.Elapsed > TimeSpan.FromMilliseconds(100))
        {
            var step = TimeSpan.FromSeconds(Math.Min(5, (length - clock.Elapsed).TotalSeconds));
            var before = replies();
            var stepClock = Stopwatch.StartNew();
            await Task.Delay(step);
            var rate = (replies() - before) / stepClock.Elapsed.TotalSeconds;
            Console.Error.WriteLine(FormattableString.Invariant($"  {phase,-10} {clock.Elapsed.TotalSeconds,5:F0} s  {rate,7:F0} replies/s"));
        }
    }

    internal static async Task<TimeSpan> FirstAnsweredTurnAsync(HttpClient http, string botUrl, string serviceUrl, Stopwatch started)
    {
        while (started.Elapsed < TimeSpan.FromSeconds(60))
        {
            try
            {
                using var content = JsonBody(Activity("cold-start", 0, "hello", serviceUrl));
                using var response = await http.PostAsync(botUrl + "/api/messages", content);
                if (response.IsSuccessStatusCode)
                {
                    return started.Elapsed;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            await Task.Delay(10);
        }
        throw new TimeoutException("The bot did not answer within 60 s.");
    }

    private static async Task PlayUserAsync(
        HttpClient http, string botUrl, string serviceUrl, string[] script, int user, List<double> latencies, int[] failures, StrongBox recording, CancellationToken stop)
    {
        var conversation = "bench-" + user.ToString(CultureInfo.InvariantCulture);
        var turn = 0;
        while (!stop.IsCancellationRequested)
        {
            var text = script[turn % script.Length];
            var begin = Stopwatch.GetTimestamp();
            try
            {
                using var content = JsonBody(Activity(conversation, turn, text, serviceUrl));
                using var response = await http.PostAsync(botUrl + "/api/messages", content, CancellationToken.None);
                if (!response.IsSuccessStatusCode)
                {
                    Interlocked.Increment(ref failures[user]);
                }
            }
            catch (HttpRequestException)
            {
                Interlocked.Increment(ref failures[user]);
            }
            if (recording.On)
            {
                latencies.Add(Stopwatch.GetElapsedTime(begin).TotalMilliseconds);
            }
            turn++;
        }
    }

    internal static object Activity(string conversation, int turn, string text, string serviceUrl) => new
    {
        type = "message",
        id = "m" + turn.ToString(CultureInfo.InvariantCulture),
        text,
        channelId = "emulator",
        serviceUrl,
        locale = "en-US",
        from = new { id = "user-" + conversation },
        recipient = new { id = "bot" },
        conversation = new { id = conversation },
    };

    /// <summary>With a Content-Length, as channels send activities (PostAsJsonAsync would stream it chunked).</summary>
    internal static ByteArrayContent JsonBody(object activity)
    {
        var content = new ByteArrayContent(System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(activity));
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        return content;
    }

    internal static double Percentile(double[] sorted, double p)
        => sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];

    private sealed class StrongBox
    {
        public volatile bool On;
    }
}

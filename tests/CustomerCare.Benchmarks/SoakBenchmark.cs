using System.Diagnostics;
using System.Globalization;

namespace CustomerCare.Benchmarks;

/// <summary>
/// A long run at a steady load, to show memory and latency staying flat: N users walk the compensation-status
/// waterfall through /api/messages, each cycle in a new conversation (as real traffic keeps bringing new ones), pausing
/// between messages as people do (0 for no pause: the bot's saturation), with the bot on its own core. Every interval it prints the turns per second, p50 and p99 of that interval alone, and the
/// bot's resident memory; at the end, how the last interval compares with the first one after warm-up.
/// </summary>
internal static class SoakBenchmark
{
    public static async Task<int> RunAsync(int users, int minutes, int intervalSeconds, int thinkMilliseconds, string store, string? botDll)
    {
        if (Environment.ProcessorCount > 1 && OperatingSystem.IsLinux())
        {
            Process.GetCurrentProcess().ProcessorAffinity = 1 << 1;
        }
        await using var sink = await ConnectorSink.StartAsync();
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = users + 4 }) { Timeout = TimeSpan.FromSeconds(30) };
        BotProcess.WarmLanguageModels(botDll);
        using var postgres = store == "postgresql" ? BenchmarkPostgreSql.Start(1) : null;
        using var bot = BotProcess.Start(0, dll: botDll, settings: postgres is null ? [] : ["--Storage:Provider", "PostgreSql", "--ConnectionStrings:CustomerCare", postgres.ConnectionString]);
        await LoadBenchmark.FirstAnsweredTurnAsync(http, bot.Url, sink.ServiceUrl, Stopwatch.StartNew());

        var window = new LatencyWindow();
        var failures = 0;
        using var stop = new CancellationTokenSource();
        var script = LoadOptions.Scripts["waterfall"];
        var players = Enumerable.Range(0, users).Select(user => Task.Run(async () =>
        {
            for (var cycle = 0; !stop.IsCancellationRequested; cycle++)
            {
                var conversation = string.Create(CultureInfo.InvariantCulture, $"soak-{user}-{cycle}");
                for (var turn = 0; turn < script.Length; turn++)
                {
                    var begin = Stopwatch.GetTimestamp();
                    try
                    {
                        using var content = LoadBenchmark.JsonBody(LoadBenchmark.Activity(conversation, turn, script[turn], sink.ServiceUrl));
                        using var response = await http.PostAsync(bot.Url + "/api/messages", content, CancellationToken.None);
                        if (!response.IsSuccessStatusCode)
                        {
                            Interlocked.Increment(ref failures);
                        }
                    }
                    catch (HttpRequestException)
                    {
                        Interlocked.Increment(ref failures);
                    }
                    window.Add(Stopwatch.GetElapsedTime(begin).TotalMilliseconds);
                    if (thinkMilliseconds > 0)
                    {
                        // Spread out, so the users do not all speak in the same millisecond.
                        await Task.Delay(thinkMilliseconds / 2 + Random.Shared.Next(thinkMilliseconds), CancellationToken.None);
                    }
                }
            }
        })).ToList();

        Console.WriteLine(FormattableString.Invariant($"soak: {users} users, {minutes} min, {store}, the waterfall in a new conversation each cycle, {thinkMilliseconds} ms between a user's messages on average; bot on core 0"));
        Console.WriteLine("  minute   turns/s   p50 ms   p99 ms   RSS MB   failed");
        var rows = new List<(double Minute, double Rate, double P50, double P99, double Rss)>();
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromMinutes(minutes))
        {
            await Task.Delay(TimeSpan.FromSeconds(intervalSeconds));
            var latencies = window.Take();
            if (bot.HasExited)
            {
                Console.WriteLine(FormattableString.Invariant($"the bot ended at minute {clock.Elapsed.TotalMinutes:F1} with exit code {bot.ExitCode}"));
                await stop.CancelAsync();
                await Task.WhenAll(players);
                return 1;
            }
            var row = (clock.Elapsed.TotalMinutes, latencies.Length / (double)intervalSeconds, LoadBenchmark.Percentile(latencies, 0.50), LoadBenchmark.Percentile(latencies, 0.99), bot.RssMegabytes());
            rows.Add(row);
            Console.WriteLine(FormattableString.Invariant($"  {row.Item1,6:F1}   {row.Item2,7:F0}   {row.Item3,6:F2}   {row.Item4,6:F2}   {row.Item5,6:F0}   {Volatile.Read(ref failures),6}"));
        }
        await stop.CancelAsync();
        await Task.WhenAll(players);

        // The first interval is warm-up (tiered compilation, first allocations): compared from the second.
        var (first, last) = (rows[Math.Min(1, rows.Count - 1)], rows[^1]);
        Console.WriteLine(FormattableString.Invariant($"RSS         {first.Rss:F0} MB at minute {first.Minute:F1} → {last.Rss:F0} MB at minute {last.Minute:F1} (peak {bot.PeakRssMegabytes():F0} MB)"));
        Console.WriteLine(FormattableString.Invariant($"p99         {first.P99:F2} ms → {last.P99:F2} ms; p50 {first.P50:F2} ms → {last.P50:F2} ms"));
        Console.WriteLine(FormattableString.Invariant($"throughput  {first.Rate:F0} → {last.Rate:F0} turns/s; failed turns {failures}"));
        return failures == 0 ? 0 : 1;
    }

    /// <summary>The latencies of the current interval, taken and emptied at its end.</summary>
    private sealed class LatencyWindow
    {
        private readonly Lock _gate = new();
        private List<double> _current = new(100_000);

        public void Add(double milliseconds)
        {
            lock (_gate)
            {
                _current.Add(milliseconds);
            }
        }

        public double[] Take()
        {
            List<double> taken;
            lock (_gate)
            {
                (taken, _current) = (_current, new List<double>(100_000));
            }
            taken.Sort();
            return [.. taken];
        }
    }
}

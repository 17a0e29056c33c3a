using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace CustomerCare.Benchmarks;

/// <summary>
/// A throwaway PostgreSQL server for the load benchmark, from Debian's binaries: a fresh cluster in a temp folder on a
/// free loopback port, pinned to the load generator's core (its backends inherit the pinning), run as the postgres
/// user when the benchmark runs as root, with <c>pg_stat_statements</c> loaded so the benchmark can say where the
/// server's time goes. Deleted when disposed.
/// </summary>
internal sealed class BenchmarkPostgreSql : IDisposable
{
    private readonly string _folder;
    private readonly string _binaries;
    private readonly bool _asRoot;

    private BenchmarkPostgreSql(string folder, string binaries, bool asRoot, string connectionString)
    {
        (_folder, _binaries, _asRoot) = (folder, binaries, asRoot);
        ConnectionString = connectionString;
    }

    public string ConnectionString { get; }

    public static BenchmarkPostgreSql Start(int core)
    {
        var binaries = Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin")).FirstOrDefault(d => File.Exists(Path.Combine(d, "initdb")))
            ?? throw new InvalidOperationException("PostgreSQL is not installed (apt-get install -y postgresql).");
        var asRoot = Environment.UserName == "root";
        var folder = Path.Combine(Path.GetTempPath(), "cc-bench-pg-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        if (asRoot)
        {
            Run("chown", ["postgres", folder], asRoot: false);
        }
        var data = Path.Combine(folder, "data");
        Run(Path.Combine(binaries, "initdb"), ["-D", data, "-U", "bench", "--auth", "trust", "-E", "UTF8", "--no-instructions"], asRoot);
        using (var listener = new TcpListener(IPAddress.Loopback, 0))
        {
            listener.Start();
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            listener.Stop();
            Run("taskset", ["-c", core.ToString(CultureInfo.InvariantCulture), Path.Combine(binaries, "pg_ctl"), "-D", data, "-l", Path.Combine(folder, "log"),
                "-o", $"-c listen_addresses=127.0.0.1 -p {port} -k {folder} -c max_connections=300 -c shared_preload_libraries=pg_stat_statements", "-w", "start"], asRoot);
            Run(Path.Combine(binaries, "createdb"), ["-h", "127.0.0.1", "-p", port.ToString(CultureInfo.InvariantCulture), "-U", "bench", "customercare"], asRoot);
            var server = new BenchmarkPostgreSql(folder, binaries, asRoot, $"Host=127.0.0.1;Port={port};Username=bench;Database=customercare");
            server.Execute("CREATE EXTENSION pg_stat_statements");
            return server;
        }
    }

    /// <summary>Forgets the statistics gathered so far (the start-up's and the warm-up's).</summary>
    public void ResetStatements() => Execute("SELECT pg_stat_statements_reset()");

    /// <summary>The statements that took the server the most time since the last reset, with their calls per turn.</summary>
    public IEnumerable<string> TopStatements(int count, long turns)
    {
        using var connection = new Npgsql.NpgsqlConnection(ConnectionString + ";Pooling=false");
        connection.Open();
        using var command = new Npgsql.NpgsqlCommand("""
            SELECT calls, total_exec_time, regexp_replace(query, '\s+', ' ', 'g') FROM pg_stat_statements
            WHERE query NOT LIKE '%pg_stat_statements%' ORDER BY total_exec_time DESC LIMIT $1
            """, connection) { Parameters = { new() { Value = count } } };
        using var reader = command.ExecuteReader();
        var lines = new List<string>();
        while (reader.Read())
        {
            var (calls, total, query) = (reader.GetInt64(0), reader.GetDouble(1), reader.GetString(2));
            lines.Add(FormattableString.Invariant($"{total * 1000 / Math.Max(1, turns),7:F0} µs/turn {(double)calls / Math.Max(1, turns),5:F2} calls/turn  {(query.Length > 90 ? query[..90] + "…" : query)}"));
        }
        return lines;
    }

    /// <summary>CPU time of every server process (the postmaster, its backends and workers), as far as /proc tells.</summary>
    public static TimeSpan CpuTime()
    {
        var ticks = 0L;
        foreach (var folder in Directory.EnumerateDirectories("/proc"))
        {
            try
            {
                var stat = File.ReadAllText(Path.Combine(folder, "stat"));
                var name = stat[(stat.IndexOf('(', StringComparison.Ordinal) + 1)..stat.LastIndexOf(')')];
                if (name.StartsWith("postgres", StringComparison.Ordinal))
                {
                    var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                    ticks += long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or ArgumentOutOfRangeException)
            {
                // The process ended, or is not readable.
            }
        }
        return TimeSpan.FromSeconds(ticks / 100.0);
    }

    private void Execute(string sql)
    {
        using var connection = new Npgsql.NpgsqlConnection(ConnectionString + ";Pooling=false");
        connection.Open();
        using var command = new Npgsql.NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }

    public void Dispose()
    {
        Run(Path.Combine(_binaries, "pg_ctl"), ["-D", Path.Combine(_folder, "data"), "-m", "fast", "-w", "stop"], _asRoot);
        Directory.Delete(_folder, recursive: true);
    }

    private static void Run(string program, IReadOnlyList<string> arguments, bool asRoot)
    {
        var start = new ProcessStartInfo(asRoot ? "runuser" : program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in (asRoot ? ["-u", "postgres", "--", program] : Array.Empty<string>()).Concat(arguments))
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        _ = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} failed: {error.Result}");
        }
    }
}

using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace CustomerCare.Benchmarks;

/// <summary>
/// A throwaway PostgreSQL server for the load benchmark, from Debian's binaries: a fresh cluster in a temp folder on a
/// free loopback port, pinned to the load generator's core (its backends inherit the pinning), run as the postgres
/// user when the benchmark runs as root. Deleted when disposed.
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
                "-o", $"-c listen_addresses=127.0.0.1 -p {port} -k {folder} -c max_connections=300", "-w", "start"], asRoot);
            Run(Path.Combine(binaries, "createdb"), ["-h", "127.0.0.1", "-p", port.ToString(CultureInfo.InvariantCulture), "-U", "bench", "customercare"], asRoot);
            return new BenchmarkPostgreSql(folder, binaries, asRoot, $"Host=127.0.0.1;Port={port};Username=bench;Database=customercare");
        }
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

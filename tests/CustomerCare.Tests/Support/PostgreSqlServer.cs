using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace CustomerCare.Tests.Support;

/// <summary>
/// A real PostgreSQL server for the tests: Debian's binaries, a fresh cluster in a temp folder (initdb), a free
/// loopback port, password (SCRAM) authentication, and a database of its own for each test class. When the tests run
/// as root the server runs as the postgres user, as PostgreSQL requires. One server serves the whole run and is stopped
/// when it ends. Durability of the server itself is not under test, so it runs without fsync.
/// </summary>
public sealed class PostgreSqlServer
{
    private const string User = "customercare";
    private static readonly Lazy<Task<PostgreSqlServer>> Instance = new(StartAsync);
    private static int _databases;
    private readonly string _folder;
    private readonly string _password;
    private readonly string _binaries;

    private PostgreSqlServer(string folder, int port, string password, string binaries)
    {
        _folder = folder;
        Port = port;
        _password = password;
        _binaries = binaries;
    }

    public int Port { get; }

    public static Task<PostgreSqlServer> SharedAsync() => Instance.Value;

    /// <summary>A new, empty database on the server, and its connection string (with a small pool).</summary>
    public async Task<string> CreateDatabaseAsync(string purpose)
    {
        var name = "cc_" + new string(purpose.ToLowerInvariant().Where(char.IsAsciiLetterOrDigit).Take(40).ToArray()) + "_" + Interlocked.Increment(ref _databases);
        await using (var admin = new NpgsqlConnection(ConnectionString("postgres")))
        {
            await admin.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", admin);
            await command.ExecuteNonQueryAsync();
        }
        return ConnectionString(name);
    }

    private string ConnectionString(string database)
        => new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = Port,
            Database = database,
            Username = User,
            Password = _password,
            MaxPoolSize = 32,
        }.ConnectionString;

    private static async Task<PostgreSqlServer> StartAsync()
    {
        var binaries = Binaries();
        var asRoot = Environment.UserName == "root";
        RemoveAbandonedClusters(binaries, asRoot);
        var folder = Path.Combine(Path.GetTempPath(), "cc-pg-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(folder);
        var data = Path.Combine(folder, "data");
        var password = Convert.ToHexString(Guid.NewGuid().ToByteArray());
        var passwordFile = Path.Combine(folder, "password");
        await File.WriteAllTextAsync(passwordFile, password);
        await File.WriteAllTextAsync(Path.Combine(folder, "owner"), Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (asRoot)
        {
            Run("chown", ["-R", "postgres", folder], asRoot: false);
        }
        Run(Path.Combine(binaries, "initdb"), ["-D", data, "-U", User, "--pwfile", passwordFile, "--auth", "scram-sha-256", "-E", "UTF8", "--no-sync", "--no-instructions"], asRoot);
        var port = FreePort();
        var options = $"-c listen_addresses=127.0.0.1 -p {port} -k {folder} -c fsync=off -c full_page_writes=off -c max_connections=400 -c shared_buffers=64MB";
        Run(Path.Combine(binaries, "pg_ctl"), ["-D", data, "-l", Path.Combine(folder, "server.log"), "-o", options, "-w", "-t", "60", "start"], asRoot);
        var server = new PostgreSqlServer(folder, port, password, binaries);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => server.Stop(asRoot);
        return server;
    }

    private void Stop(bool asRoot)
    {
        try
        {
            Run(Path.Combine(_binaries, "pg_ctl"), ["-D", Path.Combine(_folder, "data"), "-m", "immediate", "-w", "stop"], asRoot);
            Directory.Delete(_folder, recursive: true);
        }
        catch (Exception e) when (e is InvalidOperationException or IOException or UnauthorizedAccessException)
        {
            // Leaving a stopped cluster's folder behind in /tmp is harmless.
        }
    }

    /// <summary>
    /// Clusters earlier runs left behind: stopped, or still running for a test host that was killed (its process id
    /// is in the folder). Both are stopped and removed.
    /// </summary>
    private static void RemoveAbandonedClusters(string binaries, bool asRoot)
    {
        foreach (var folder in Directory.GetDirectories(Path.GetTempPath(), "cc-pg-*"))
        {
            var owner = Path.Combine(folder, "owner");
            var running = File.Exists(Path.Combine(folder, "data", "postmaster.pid"));
            if (running && (!File.Exists(owner) || Alive(File.ReadAllText(owner))))
            {
                continue;
            }
            try
            {
                if (running)
                {
                    Run(Path.Combine(binaries, "pg_ctl"), ["-D", Path.Combine(folder, "data"), "-m", "immediate", "-w", "stop"], asRoot);
                }
                Directory.Delete(folder, recursive: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException)
            {
                // Another run's, starting or stopping; left alone.
            }
        }
    }

    private static bool Alive(string processId)
    {
        try
        {
            using var process = Process.GetProcessById(int.Parse(processId, System.Globalization.CultureInfo.InvariantCulture));
            return !process.HasExited;
        }
        catch (Exception e) when (e is ArgumentException or FormatException or OverflowException or InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>The newest installed PostgreSQL's programs (Debian keeps them in /usr/lib/postgresql/N/bin).</summary>
    private static string Binaries()
    {
        var installed = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin")).Where(d => File.Exists(Path.Combine(d, "initdb")))
                .OrderByDescending(d => int.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), out var v) ? v : 0).FirstOrDefault()
            : null;
        return installed ?? throw new InvalidOperationException(
            "PostgreSQL is not installed: the tests start their own server from Debian's postgresql package (apt-get install -y postgresql).");
    }

    private static void Run(string program, IReadOnlyList<string> arguments, bool asRoot)
    {
        var start = new ProcessStartInfo(asRoot ? "runuser" : program) { RedirectStandardOutput = true, RedirectStandardError = true };
        if (asRoot)
        {
            foreach (var prefix in new[] { "-u", "postgres", "--", program })
            {
                start.ArgumentList.Add(prefix);
            }
        }
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(120_000))
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"{program} did not finish in 120 s.");
        }
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} failed ({process.ExitCode}): {error.Result}{output.Result}");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

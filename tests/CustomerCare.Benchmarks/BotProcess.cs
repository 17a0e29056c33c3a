using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace CustomerCare.Benchmarks;

/// <summary>The bot as its own process (Release build), pinned to one core, on a fresh data file.</summary>
internal sealed class BotProcess : IDisposable
{
    private readonly Process _process;
    private readonly string _dataDirectory;

    private BotProcess(Process process, string url, string dataDirectory)
    {
        _process = process;
        Url = url;
        _dataDirectory = dataDirectory;
    }

    public string Url { get; }

    public int Id => _process.Id;

    /// <param name="dataDirectory">A directory holding "bench.db" to start on (deleted afterwards), or null for a fresh one.</param>
    /// <param name="dll">The bot to run (a published build); null for the Release build output.</param>
    /// <param name="settings">More settings for the bot, as command-line arguments.</param>
    public static BotProcess Start(int core, string? dataDirectory = null, string environment = "Production", string? dll = null, params string[] settings)
    {
        dll = BotDll(dll);
        var port = FreePort();
        var url = $"http://127.0.0.1:{port}";
        dataDirectory ??= NewDataDirectory();
        var start = new ProcessStartInfo("taskset", ["-c", core.ToString(CultureInfo.InvariantCulture), "dotnet", dll,
            "--urls", url, "--Storage:DataPath", Path.Combine(dataDirectory, "bench.db"), "--Logging:LogLevel:Default", "Warning",
            // The scripts use the demo bookings, which Production loads only when asked twice.
            "--DemoData:Enabled", "true", "--DemoData:AllowInProduction", "true",
            // The load comes from one address at thousands of turns a second, far above a channel's default limit.
            "--RateLimits:MessagesPerSecondPerClient", "1000000", .. settings])
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = environment;
        // As deployed (deploymentTemplates/main.bicep): on one core the runtime would otherwise wait ten times longer
        // before optimising hot code, and the GC would size its youngest generation from this VM's 260 MB cache.
        start.Environment["DOTNET_TC_DelaySingleProcMultiplier"] = "1";
        start.Environment["DOTNET_GCgen0size"] = "0x800000";
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the bot.");
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { Console.WriteLine("[bot] " + e.Data); } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { Console.Error.WriteLine("[bot] " + e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new BotProcess(process, url, dataDirectory);
    }

    /// <summary>Trains (once per machine) and caches the offline language models, so training never competes with the load.</summary>
    public static void WarmLanguageModels(string? dll = null)
    {
        dll = BotDll(dll);
        foreach (var locale in new[] { "en-US", "de-DE" })
        {
            using var warm = Process.Start(new ProcessStartInfo("dotnet", [dll, "nlu", "predict", "hello", "--locale", locale])
            {
                WorkingDirectory = Path.GetDirectoryName(dll)!,
                RedirectStandardOutput = true,
            })!;
            warm.StandardOutput.ReadToEnd();
            warm.WaitForExit();
        }
    }

    /// <summary>Peak resident memory of the bot so far (VmHWM), in MB.</summary>
    public double PeakRssMegabytes() => StatusMegabytes("VmHWM:");

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    /// <summary>Resident memory of the bot now (VmRSS), in MB.</summary>
    public double RssMegabytes() => StatusMegabytes("VmRSS:");

    private double StatusMegabytes(string field)
    {
        foreach (var line in File.ReadLines($"/proc/{_process.Id}/status"))
        {
            if (line.StartsWith(field, StringComparison.Ordinal))
            {
                var kb = long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
                return kb / 1024.0;
            }
        }
        return double.NaN;
    }

    /// <summary>CPU time the bot has used so far (user and system), from /proc.</summary>
    public TimeSpan CpuTime()
    {
        var stat = File.ReadAllText($"/proc/{_process.Id}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return TimeSpan.FromSeconds(ticks / 100.0);
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(5000);
        }
        _process.Dispose();
        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
            // Never created.
        }
    }

    private static string BotDll(string? dll)
    {
        // A relative path is taken from the repository's root, as the README's commands are run from there.
        dll = Path.Combine(FindRepositoryRoot(), dll ?? Path.Combine("bot", "bin", "Release", "net10.0", "CustomerCare.Bot.dll"));
        return File.Exists(dll) ? dll : throw new FileNotFoundException("Build the bot in Release first (dotnet build -c Release bot), or publish it.", dll);
    }

    public static string NewDataDirectory() => Path.Combine(Path.GetTempPath(), "customercare-bench-" + Guid.NewGuid().ToString("N"));

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string FindRepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "CustomerCare.sln")))
        {
            directory = directory.Parent;
        }
        return directory?.FullName ?? throw new InvalidOperationException("Run the benchmark from inside the repository.");
    }
}

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
    public static BotProcess Start(int core, string? dataDirectory = null, string environment = "Production")
    {
        var root = FindRepositoryRoot();
        var dll = Path.Combine(root, "bot", "bin", "Release", "net10.0", "CustomerCare.Bot.dll");
        if (!File.Exists(dll))
        {
            throw new FileNotFoundException("Build the bot in Release first (dotnet build -c Release bot).", dll);
        }
        var port = FreePort();
        var url = $"http://127.0.0.1:{port}";
        dataDirectory ??= NewDataDirectory();
        var start = new ProcessStartInfo("taskset", ["-c", core.ToString(CultureInfo.InvariantCulture), "dotnet", dll,
            "--urls", url, "--Storage:DataPath", Path.Combine(dataDirectory, "bench.db"), "--Logging:LogLevel:Default", "Warning"])
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = environment;
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the bot.");
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { Console.WriteLine("[bot] " + e.Data); } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { Console.Error.WriteLine("[bot] " + e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new BotProcess(process, url, dataDirectory);
    }

    /// <summary>Trains (once per machine) and caches the offline language models, so training never competes with the load.</summary>
    public static void WarmLanguageModels()
    {
        var dll = Path.Combine(FindRepositoryRoot(), "bot", "bin", "Release", "net10.0", "CustomerCare.Bot.dll");
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
    public double PeakRssMegabytes()
    {
        foreach (var line in File.ReadLines($"/proc/{_process.Id}/status"))
        {
            if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                var kb = long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
                return kb / 1024.0;
            }
        }
        return double.NaN;
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

using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace CustomerCare.Tests.Support;

/// <summary>The built bot started as its own process on loopback, so a test can kill it as an operator's crash would.</summary>
public sealed class BotProcess : IDisposable
{
    private readonly Process _process;

    private BotProcess(Process process, string url)
    {
        _process = process;
        Url = url;
    }

    public string Url { get; }

    /// <summary>What the process wrote to its console (its logs), the last 10,000 lines.</summary>
    public IReadOnlyList<string> Output
    {
        get
        {
            lock (_output)
            {
                return [.. _output];
            }
        }
    }

    private readonly Queue<string> _output = new();

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (_output)
        {
            _output.Enqueue(line);
            if (_output.Count > 10_000)
            {
                _output.Dequeue();
            }
        }
    }

    /// <summary>The process, for reading its memory from /proc.</summary>
    public int ProcessId => _process.Id;

    public static Task<BotProcess> StartAsync(string dataPath, params string[] settings) => StartWrappedAsync([], dataPath, settings);

    /// <summary>Starts the bot under <paramref name="wrapper"/> (a program and its arguments, given the bot's command after them).</summary>
    public static async Task<BotProcess> StartWrappedAsync(string[] wrapper, string dataPath, params string[] settings)
    {
        var configuration = AppContext.BaseDirectory.Contains("/Release/", StringComparison.Ordinal) ? "Release" : "Debug";
        var dll = Repository.PathOf("bot", "bin", configuration, "net10.0", "CustomerCare.Bot.dll");
        var port = FreePort();
        var url = $"http://127.0.0.1:{port}";
        var start = new ProcessStartInfo(wrapper.Length > 0 ? wrapper[0] : "dotnet", [.. wrapper.Skip(1).Append("dotnet").Skip(wrapper.Length > 0 ? 0 : 1), dll, "--urls", url, "--Storage:DataPath", dataPath,
            "--Recognition:ModelCachePath", Path.Combine(Path.GetTempPath(), "customercare-tests", "nlu"), "--Logging:LogLevel:Default", "Warning",
            "--RateLimits:TokensPerMinutePerClient", "1000000", "--RateLimits:PostsPerMinutePerConversation", "1000000", "--RateLimits:PostsPerMinutePerClient", "1000000", "--RateLimits:MessagesPerSecondPerClient", "1000000", .. settings])
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        var process = Process.Start(start)!;
        var bot = new BotProcess(process, url);
        process.OutputDataReceived += (_, line) => bot.Keep(line.Data);
        process.ErrorDataReceived += (_, line) => bot.Keep(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var http = new HttpClient();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                if ((await http.GetAsync(url + "/healthz")).IsSuccessStatusCode)
                {
                    return bot;
                }
            }
            catch (HttpRequestException)
            {
                await Task.Delay(50);
            }
        }
        bot.Dispose();
        throw new TimeoutException("The bot process did not start within 60 s.");
    }

    /// <summary>Waits up to a minute for the process to end by itself (after a signal the test sent, or on its own); true if it did.</summary>
    public bool WaitForExit() => _process.WaitForExit(TimeSpan.FromSeconds(60));

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    /// <summary>SIGKILL: no shutdown hooks, no flushing — what a crash or an OOM kill leaves behind.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            Kill();
        }
        _process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using CustomerCare.Recognition.Offline;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace CustomerCare.Tests.Support;

/// <summary>
/// The real bot host on its own data file (a temp file unless one is given, so a test can restart on the same file),
/// with a fake clock and a known Direct Line secret.
/// </summary>
public sealed class BotHost : WebApplicationFactory<Program>
{
    public const string Secret = "test-directline-secret";

    public BotHost(string? dataPath = null, FakeTimeProvider? clock = null)
    {
        DataPath = dataPath ?? TempDataPath();
        Clock = clock ?? new FakeTimeProvider(DateTimeOffset.UtcNow);
    }

    public string DataPath { get; }

    public FakeTimeProvider Clock { get; }

    public Dictionary<string, string?> Settings { get; } = [];

    /// <summary>What the host logged.</summary>
    public RecordingLoggerProvider Logs { get; } = new();

    public string Environment { get; init; } = "Development";

    /// <summary>More services for this host (an exporter to read, say), added after the host's own.</summary>
    public Action<IServiceCollection>? TestServices { get; init; }

    public static string TempDataPath() => Path.Combine(Path.GetTempPath(), "customercare-tests", Guid.NewGuid().ToString("N"), "bot.db");

    /// <summary>The host starts with its language models loaded, so every test sees the trained recognizer.</summary>
    protected override IHost CreateHost(IHostBuilder builder)
    {
        var host = base.CreateHost(builder);
        var models = host.Services.GetRequiredService<IntentModelStore>();
        foreach (var language in IntentModelStore.Languages)
        {
            models.Get(language);
        }
        return host;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(Environment);
        builder.UseSetting("Storage:DataPath", DataPath);
        builder.UseSetting("DirectLine:Secret", Secret);
        builder.UseSetting("Recognition:ModelCachePath", Path.Combine(Path.GetTempPath(), "customercare-tests", "nlu"));
        // Tests drive many conversations from one address in seconds; the rate limits' own tests set them low.
        foreach (var limit in new[] { "TokensPerMinutePerClient", "PostsPerMinutePerClient", "PostsPerMinutePerConversation", "UploadsPerHourPerClient", "UploadsPerHourPerConversation", "MessagesPerSecondPerClient", "ReportsPerMinutePerClient" })
        {
            builder.UseSetting("RateLimits:" + limit, "1000000");
        }
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            TestServices?.Invoke(services);
        });
        builder.ConfigureLogging(logging => logging.AddProvider(Logs));
    }
}

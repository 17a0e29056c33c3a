using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
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

    public static string TempDataPath() => Path.Combine(Path.GetTempPath(), "customercare-tests", Guid.NewGuid().ToString("N"), "bot.db");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Storage:DataPath", DataPath);
        builder.UseSetting("DirectLine:Secret", Secret);
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }
}

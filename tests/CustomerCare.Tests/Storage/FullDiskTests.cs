using System.Diagnostics;
using System.Net;
using CustomerCare.Bot.Storage;
using CustomerCare.Tests.Support;

namespace CustomerCare.Tests.Storage;

/// <summary>
/// The bot on a small filesystem of its own (a size-limited tmpfs, mounted in a private mount namespace, so no root
/// is needed and nothing outlives the test): filled up through Direct Line uploads, then given space again.
/// </summary>
public sealed class FullDiskTests
{
    /// <summary>
    /// Mounts the tmpfs, grows it on SIGUSR1, and runs the bot's command given after the two directories; on SIGTERM,
    /// kills the bot and copies its data file out of the tmpfs (which goes with the namespace) for the test to read.
    /// </summary>
    private const string Launcher = """
        dir=$1; out=$2; shift 2
        mount -t tmpfs -o size=80m tmpfs "$dir" || exit 90
        trap 'mount -o remount,size=400m "$dir"' USR1
        "$@" &
        bot=$!
        trap 'kill -9 $bot; wait $bot; cp "$dir"/*.db "$out"/; exit 0' TERM
        code=0
        while kill -0 $bot 2>/dev/null; do wait $bot; code=$?; done
        exit $code
        """;

    [Fact]
    public async Task ADiskThatFills_RefusesWritesAtOnce_TellsTheCustomerToTryAgain_GrantsNothing_AndRecoversWhenSpaceReturns()
    {
        var (bot, copied) = await StartOnSmallDiskAsync(reserveMegabytes: 64);
        using var _ = bot;
        using var http = new HttpClient { BaseAddress = new Uri(bot.Url), Timeout = TimeSpan.FromSeconds(30) };
        // Ready once the language models are in.
        Assert.Equal(HttpStatusCode.OK, await ReadinessWithinAsync(http, HttpStatusCode.OK));

        var customer = await new DirectLineClient(http).StartAsync();
        await customer.PostMessageAsync("My flight CC400 was delayed, booking DEMO01");
        await customer.PostMessageAsync("Sample");
        Assert.Contains(await customer.BotTextsAsync(), t => t.Contains("Shall I grant", StringComparison.Ordinal));

        // Another customer's photos fill the disk up to the reserve: the upload that finds it full is refused whole, with a clear error.
        var uploader = await new DirectLineClient(http).StartAsync();
        var photo = new byte[1024 * 1024];
        Random.Shared.NextBytes(photo);
        HttpResponseMessage refused;
        var uploads = 0;
        while ((refused = await uploader.UploadResponseAsync("photo.jpg", photo)).StatusCode == HttpStatusCode.OK)
        {
            Assert.True(++uploads < 80, "80 MB of photos went onto an 80 MB disk");
        }
        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.Equal("StoreUnavailable", (await DirectLineClient.ReadErrorAsync(refused))["code"]!.GetValue<string>());
        Assert.NotNull(refused.Headers.RetryAfter);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, await ReadinessWithinAsync(http, HttpStatusCode.ServiceUnavailable));

        // The customer's "yes" cannot be kept: they are told to try again, at once, and nothing is granted.
        var watermark = (await customer.GetActivitiesAsync()).Watermark;
        var answered = Stopwatch.StartNew();
        await customer.PostMessageAsync("yes");
        Assert.True(answered.Elapsed < TimeSpan.FromSeconds(20), $"the refused turn took {answered.Elapsed}");
        var outage = await customer.BotTextsAsync(watermark);
        Assert.Contains(outage, t => t.Contains("can't save anything right now", StringComparison.Ordinal));
        Assert.DoesNotContain(outage, t => t.Contains("Your reference is G-", StringComparison.Ordinal));

        // Space returns: ready again, the same "yes" is granted (so the refused one left nothing behind), and only once.
        await SignalAsync(bot, "USR1");
        Assert.Equal(HttpStatusCode.OK, await ReadinessWithinAsync(http, HttpStatusCode.OK));
        watermark = (await customer.GetActivitiesAsync()).Watermark;
        await customer.PostMessageAsync("yes");
        Assert.Contains(await customer.BotTextsAsync(watermark), t => t.Contains("Your reference is G-", StringComparison.Ordinal));
        watermark = (await customer.GetActivitiesAsync()).Watermark;
        foreach (var message in new[] { "My flight CC400 was delayed, booking DEMO01", "Sample" })
        {
            await customer.PostMessageAsync(message);
        }
        Assert.Contains(await customer.BotTextsAsync(watermark), t => t.Contains("already", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(HttpStatusCode.OK, (await uploader.UploadResponseAsync("photo.jpg", photo)).StatusCode);

        // What the customer said during the outage waited for the store and reached the transcript once the disk had room.
        await Task.Delay(TimeSpan.FromSeconds(1));
        await SignalAsync(bot, "TERM");
        bot.WaitForExit();
        using var file = LiteDbFile.Open(Path.Combine(copied, "bot.db"));
        using var writer = new LiteDbWriter(file);
        var said = new TranscriptStore(file.Database, writer).GetActivities("directline", customer.ConversationId!)
            .Where(a => a.From?.Role == "user").Select(a => a.Text).ToList();
        Assert.Equal(["My flight CC400 was delayed, booking DEMO01", "Sample", "yes", "yes", "My flight CC400 was delayed, booking DEMO01", "Sample"], said.Where(t => t is not null));
    }

    [Fact]
    public async Task WithoutTheReserve_AFullDiskClosesLiteDbsEngine_AndTheBotEndsForItsSupervisorToRestartIt()
    {
        var (bot, _) = await StartOnSmallDiskAsync(reserveMegabytes: 0);
        using var process = bot;
        using var http = new HttpClient { BaseAddress = new Uri(bot.Url), Timeout = TimeSpan.FromSeconds(10) };
        Assert.Equal(HttpStatusCode.OK, await ReadinessWithinAsync(http, HttpStatusCode.OK));

        // LiteDB itself meets the full disk: it closes its engine, which only opening the file again undoes.
        var uploader = await new DirectLineClient(http).StartAsync();
        var photo = new byte[1024 * 1024];
        Random.Shared.NextBytes(photo);
        for (var uploads = 0; uploads < 120 && !bot.HasExited; uploads++)
        {
            try
            {
                using var response = await uploader.UploadResponseAsync("photo.jpg", photo);
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                break;
            }
        }

        Assert.True(bot.WaitForExit(), "the bot kept running on a closed data file");
        Assert.Equal(70, bot.ExitCode);
        Assert.Contains(bot.Output, line => line.Contains("LiteDB closed the data file's engine", StringComparison.Ordinal));
    }

    /// <summary>The bot (with the demo data, uploads limited by nothing but the disk) on an 80 MB tmpfs of its own, and where its data file is copied on SIGTERM.</summary>
    private static async Task<(BotProcess Bot, string Copied)> StartOnSmallDiskAsync(int reserveMegabytes)
    {
        var root = Path.Combine(Path.GetTempPath(), "customercare-tests", Guid.NewGuid().ToString("N"));
        var (disk, copied) = (Path.Combine(root, "disk"), Path.Combine(root, "copied"));
        Directory.CreateDirectory(disk);
        Directory.CreateDirectory(copied);
        var launcher = Path.Combine(root, "launch.sh");
        await File.WriteAllTextAsync(launcher, Launcher);
        var bot = await BotProcess.StartWrappedAsync(["unshare", "--user", "--map-root-user", "--mount", "sh", launcher, disk, copied], Path.Combine(disk, "bot.db"),
            "--Storage:MinFreeDiskMegabytes", reserveMegabytes.ToString(System.Globalization.CultureInfo.InvariantCulture), "--DemoData:Enabled", "true", "--DemoData:AllowInProduction", "true",
            "--RateLimits:UploadsPerHourPerConversation", "100000", "--RateLimits:UploadsPerHourPerClient", "100000", "--DirectLine:MaxUploadBytesPerConversationPerDay", "1000000000");
        return (bot, copied);
    }

    private static async Task SignalAsync(BotProcess bot, string signal)
    {
        using var kill = Process.Start("kill", ["-" + signal, bot.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        await kill.WaitForExitAsync();
    }

    private static async Task<HttpStatusCode> ReadinessWithinAsync(HttpClient http, HttpStatusCode wanted)
    {
        var status = HttpStatusCode.OK;
        for (var i = 0; i < 60 && (status = (await http.GetAsync("/healthz/ready")).StatusCode) != wanted; i++)
        {
            await Task.Delay(250);
        }
        return status;
    }

}

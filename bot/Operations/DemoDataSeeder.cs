namespace CustomerCare.Bot.Operations;

/// <summary>
/// Loads the synthetic demo bookings on first start (when the data file has none), so a newcomer can try the bot at
/// once. Off by default in Production, and refused there even when switched on, unless
/// <c>DemoData:AllowInProduction</c> says so too: the demo's record locators are public.
/// </summary>
public sealed partial class DemoDataSeeder(IOperationsStore operations, IConfiguration configuration, IHostEnvironment environment, ILogger<DemoDataSeeder> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var production = environment.IsProduction();
        var allowed = configuration.GetValue("DemoData:AllowInProduction", false);
        if (production && !allowed && await operations.FindBookingAsync("DEMO01", cancellationToken).ConfigureAwait(false) is not null)
        {
            // Loaded before demo data was refused in Production: the public record locators are still served.
            LogDemoPresent(logger);
        }
        if (!(configuration.GetValue<bool?>("DemoData:Enabled") ?? !production) || await operations.HasBookingsAsync(cancellationToken).ConfigureAwait(false))
        {
            return;
        }
        if (production && !allowed)
        {
            LogRefused(logger);
            return;
        }
        await using var stream = typeof(DemoDataSeeder).Assembly.GetManifestResourceStream("CustomerCare.Bot.Data.demo-data.json")!;
        var demo = OperationsDataFile.Read(stream);
        var count = await operations.SaveAsync(demo.Bookings ?? [], demo.Flights ?? []).ConfigureAwait(false);
        LogSeeded(logger, count);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Loaded {Count} demo bookings and flight records")]
    private static partial void LogSeeded(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The data holds the public demo bookings (DEMO01–06) in Production: anyone can claim on them; import over them or start on a fresh data file")]
    private static partial void LogDemoPresent(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Demo data not loaded: DemoData:Enabled is true in Production, where the public demo bookings are loaded only with DemoData:AllowInProduction=true as well")]
    private static partial void LogRefused(ILogger logger);
}

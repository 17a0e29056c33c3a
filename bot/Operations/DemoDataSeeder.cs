namespace CustomerCare.Bot.Operations;

/// <summary>Loads the synthetic demo bookings on first start (when the data file has none), so a newcomer can try the bot at once.</summary>
public sealed partial class DemoDataSeeder(LiteDbOperationsData operations, IConfiguration configuration, ILogger<DemoDataSeeder> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!configuration.GetValue("DemoData:Enabled", true) || operations.HasBookings())
        {
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
}

using CustomerCare.Advice;

namespace CustomerCare.Bot.Hosting;

/// <summary>Loads the product catalogs at start, so a malformed one stops the bot with a message naming the file, product and field.</summary>
public sealed class CatalogCheck(IServiceProvider services) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        services.GetRequiredService<CatalogSet>();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

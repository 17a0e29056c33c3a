using CustomerCare.Bot.Operations;
using CustomerCare.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerCare.Tests.Operations;

/// <summary>The public demo bookings (DEMO01–06) are loaded for trying the bot, never by accident in Production.</summary>
public sealed class DemoDataSeederTests
{
    [Theory]
    [InlineData("Development", null, null, true)]
    [InlineData("Development", "false", null, false)]
    [InlineData("Production", null, null, false)]
    [InlineData("Production", "true", null, false)]
    [InlineData("Production", "true", "true", true)]
    public async Task DemoBookings_AreLoaded_OnlyWhereTheEnvironmentAndSettingsAllow(string environment, string? enabled, string? allowInProduction, bool loaded)
    {
        await using var host = new BotHost { Environment = environment };
        foreach (var (key, value) in new[] { ("DemoData:Enabled", enabled), ("DemoData:AllowInProduction", allowInProduction) }.Where(s => s.Item2 is not null))
        {
            host.Settings[key] = value;
        }
        _ = host.Server;

        var booking = await host.Services.GetRequiredService<CustomerCare.Bot.Storage.LiteDbOperationsData>().FindBookingAsync("DEMO01", CancellationToken.None);

        Assert.Equal(loaded, booking is not null);
        Assert.Equal(environment == "Production" && enabled == "true" && !loaded, host.Logs.Lines.Any(l => l.Message.Contains("Demo data not loaded", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task DemoBookingsLoadedBefore_AreReported_WhenTheDataFileServesProduction()
    {
        var dataPath = BotHost.TempDataPath();
        await using (var development = new BotHost(dataPath))
        {
            _ = development.Server;
        }

        await using var production = new BotHost(dataPath) { Environment = "Production" };
        _ = production.Server;

        Assert.Contains(production.Logs.Lines, l => l.Message.Contains("holds the public demo bookings", StringComparison.Ordinal));
    }

    [Fact]
    public async Task InProduction_ACustomerNamingAPublicDemoBooking_IsGrantedNothing()
    {
        using var host = new BotHost { Environment = "Production" };
        var customer = await new DirectLineClient(host.CreateClient()).StartAsync();

        foreach (var text in new[] { "My flight CC400 was delayed, booking DEMO01", "Sample", "yes" })
        {
            await customer.PostMessageAsync(text);
        }

        var said = string.Join("\n", await customer.BotTextsAsync());
        Assert.DoesNotContain("Your reference is G-", said, StringComparison.Ordinal);
        Assert.Empty(await host.Services.GetRequiredService<CustomerCare.Ledger.ICompensationLedger>().ForBookingAsync("DEMO01", CancellationToken.None));
    }
}

using System.Net;
using CustomerCare.Bot.Telemetry;
using CustomerCare.Diagnostics;
using CustomerCare.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Trace;

namespace CustomerCare.Tests.Telemetry;

/// <summary>How the host names itself to exporters, what an exporter's settings change, and what rate limits count.</summary>
[Collection(TelemetryCollection.Name)]
public sealed class TelemetrySetupTests
{
    [Fact]
    public void TheServiceName_IsCustomerCareBot_UnlessOtelServiceNameSaysOtherwise()
    {
        using var unnamed = new BotHost();
        using var named = new BotHost();
        named.Settings["OTEL_SERVICE_NAME"] = "customercare-staging";

        Assert.Equal(TelemetryServiceCollectionExtensions.DefaultServiceName, ServiceName(unnamed));
        Assert.Equal("customercare-staging", ServiceName(named));
    }

    [Fact]
    public async Task WithAnOtlpEndpointThatDoesNotAnswer_TurnsStillRun()
    {
        using var host = new BotHost();
        host.Settings["OTEL_EXPORTER_OTLP_ENDPOINT"] = "http://127.0.0.1:9";
        var client = await new DirectLineClient(host.CreateClient()).StartAsync();

        await client.PostMessageAsync("hello");

        Assert.NotEmpty(await client.BotTextsAsync());
    }

    [Fact]
    public async Task ARequestRefusedByARateLimit_IsCountedWithItsPolicy()
    {
        var telemetry = new RecordedTelemetry();
        using var host = new BotHost { TestServices = telemetry.AddTo };
        host.Settings["RateLimits:TokensPerMinutePerClient"] = "1";
        var http = host.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await http.PostAsync("/api/directline/token", null)).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await http.PostAsync("/api/directline/token", null)).StatusCode);

        var metrics = telemetry.CollectMetrics(host.Services);
        Assert.Equal(1, RecordedTelemetry.Sum(metrics, "customercare.rate_limit.rejections", (TelemetryTags.Policy, "tokens")));
    }

    private static string? ServiceName(BotHost host)
    {
        host.CreateClient().Dispose();
        var resource = host.Services.GetRequiredService<TracerProvider>().GetResource();
        return resource.Attributes.FirstOrDefault(a => a.Key == "service.name").Value as string;
    }
}

using Azure.Monitor.OpenTelemetry.Exporter;
using CustomerCare.Diagnostics;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace CustomerCare.Bot.Telemetry;

public static class TelemetryServiceCollectionExtensions
{
    public const string DefaultServiceName = "CustomerCare.Bot";

    /// <summary>
    /// OpenTelemetry for the bot: the turn's spans and the bot's metrics (<see cref="CustomerCareTelemetry.Name"/>),
    /// ASP.NET Core and HttpClient spans and metrics, and log records that carry the trace and span they were written in.
    /// They are exported over OTLP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set (the other <c>OTEL_*</c> variables apply
    /// as the SDK defines them) and to Azure Monitor when <c>APPLICATIONINSIGHTS_CONNECTION_STRING</c> is set.
    /// </summary>
    public static IServiceCollection AddTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        var serviceName = configuration["OTEL_SERVICE_NAME"] is { Length: > 0 } named ? named : DefaultServiceName;
        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(serviceName, serviceVersion: typeof(TelemetryServiceCollectionExtensions).Assembly.GetName().Version?.ToString()))
            .WithTracing(tracing => tracing
                .AddSource(CustomerCareTelemetry.Name)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddProcessor(new UrlScrubbingProcessor()))
            .WithMetrics(metrics => metrics
                .AddMeter(CustomerCareTelemetry.Name)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation())
            // No scopes: ASP.NET Core's request scope holds the request path, and with it a conversation's id.
            .WithLogging(configureBuilder: null, options => (options.IncludeFormattedMessage, options.IncludeScopes) = (true, false));
        if (configuration["OTEL_EXPORTER_OTLP_ENDPOINT"] is { Length: > 0 })
        {
            telemetry.UseOtlpExporter();
        }
        if (configuration["APPLICATIONINSIGHTS_CONNECTION_STRING"] is { Length: > 0 } connectionString)
        {
            telemetry.UseAzureMonitorExporter(options => options.ConnectionString = connectionString);
        }
        services.AddHostedService<QueueDepths>();
        return services;
    }
}

using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CustomerCare.Bot.Health;

/// <summary>
/// <c>/healthz/live</c>: the process answers, and its store can still work without a restart (the data file's engine is
/// open; <c>/healthz</c> says the same). <c>/healthz/ready</c>: the
/// store takes a write within its deadline, the language models are loaded, and the payout backlog is under its
/// threshold — 200 when healthy or degraded, 503 when not, with each check's status and reason as JSON.
/// </summary>
public static class HealthEndpoints
{
    public const string Ready = "ready";
    public const string Live = "live";

    public static IServiceCollection AddReadinessChecks(this IServiceCollection services)
    {
        services.AddOptions<HealthOptions>().BindConfiguration(HealthOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        // One instance of each check, so each keeps its last answer and runs one probe at a time.
        services.AddSingleton<StoreWriteCheck>();
        services.AddSingleton<LanguageModelsCheck>();
        services.AddSingleton<PayoutBacklogCheck>();
        services.AddHealthChecks()
            .AddCheck<StoreWriteCheck>("store", tags: [Ready])
            .AddCheck<LanguageModelsCheck>("language models", tags: [Ready])
            .AddCheck<PayoutBacklogCheck>("payout backlog", tags: [Ready]);
        return services;
    }

    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/healthz/live", new HealthCheckOptions { Predicate = check => check.Tags.Contains(Live), ResponseWriter = WriteAsync });
        app.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = check => check.Tags.Contains(Live), ResponseWriter = WriteAsync });
        app.MapHealthChecks("/healthz/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains(Ready), ResponseWriter = WriteAsync });
        return app;
    }

    private static async Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        await using var json = new Utf8JsonWriter(context.Response.Body);
        json.WriteStartObject();
        json.WriteString("status", report.Status.ToString().ToLowerInvariant());
        json.WriteStartArray("checks");
        foreach (var (name, entry) in report.Entries)
        {
            json.WriteStartObject();
            json.WriteString("name", name);
            json.WriteString("status", entry.Status.ToString().ToLowerInvariant());
            json.WriteString("description", entry.Description);
            json.WriteNumber("milliseconds", (int)entry.Duration.TotalMilliseconds);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
        await json.FlushAsync(context.RequestAborted).ConfigureAwait(false);
    }
}

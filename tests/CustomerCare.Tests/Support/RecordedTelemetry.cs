using System.Diagnostics;
using CustomerCare.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace CustomerCare.Tests.Support;

/// <summary>The spans, metrics and log records a host exports, kept in memory (OpenTelemetry's in-memory exporter) for a test to read.</summary>
public sealed class RecordedTelemetry
{
    public LockedCollection<Activity> Spans { get; } = new();

    public LockedCollection<MetricSnapshot> Metrics { get; } = new();

    public LockedCollection<LogRecord> Logs { get; } = new();

    /// <summary>Adds the in-memory exporters to the host's own tracer and meter providers.</summary>
    public void AddTo(IServiceCollection services)
    {
        services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(Spans));
        services.ConfigureOpenTelemetryMeterProvider(metrics => metrics.AddInMemoryExporter(Metrics));
        services.ConfigureOpenTelemetryLoggerProvider(logging => logging.AddInMemoryExporter(Logs));
    }

    /// <summary>The spans of one trace, once the server has ended at least <paramref name="requests"/> request spans in it.</summary>
    public async Task<List<Activity>> TraceAsync(ActivityTraceId traceId, int requests = 1)
    {
        for (var waited = 0; waited < 100 && Spans.Count(s => s.TraceId == traceId && s.Kind == ActivityKind.Server) < requests; waited++)
        {
            await Task.Delay(50);
        }
        return Spans.Where(s => s.TraceId == traceId).ToList();
    }

    /// <summary>Collects the metrics now; returns the latest snapshot of each.</summary>
    public IReadOnlyDictionary<string, MetricSnapshot> CollectMetrics(IServiceProvider services)
    {
        Metrics.Clear();
        Assert.True(services.GetRequiredService<MeterProvider>().ForceFlush(5_000), "the metrics were not collected");
        return Metrics.Snapshot().GroupBy(m => m.Name).ToDictionary(g => g.Key, g => g.Last(), StringComparer.Ordinal);
    }

    /// <summary>The sum of a counter over the points whose tags include every one of <paramref name="tags"/>.</summary>
    public static long Sum(IReadOnlyDictionary<string, MetricSnapshot> metrics, string name, params (string Key, string Value)[] tags)
    {
        if (!metrics.TryGetValue(name, out var metric))
        {
            return 0;
        }
        long sum = 0;
        foreach (var point in metric.MetricPoints)
        {
            var pointTags = Tags(point);
            if (tags.All(t => pointTags.TryGetValue(t.Key, out var value) && Equals(value, t.Value)))
            {
                sum += point.GetSumLong();
            }
        }
        return sum;
    }

    public static Dictionary<string, object?> Tags(MetricPoint point)
    {
        var tags = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var tag in point.Tags)
        {
            tags[tag.Key] = tag.Value;
        }
        return tags;
    }

    public static bool IsBotSpan(Activity span, string name) => span.Source.Name == CustomerCareTelemetry.Name && span.OperationName == name;

    /// <summary>Whether <paramref name="ancestor"/> is above <paramref name="span"/> in <paramref name="trace"/>.</summary>
    public static bool Descends(Activity span, Activity ancestor, IReadOnlyCollection<Activity> trace)
    {
        var byId = trace.ToDictionary(s => s.SpanId);
        for (var current = span; byId.TryGetValue(current.ParentSpanId, out var parent); current = parent)
        {
            if (parent.SpanId == ancestor.SpanId)
            {
                return true;
            }
        }
        return false;
    }
}

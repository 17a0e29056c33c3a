using System.Diagnostics;
using System.Text.RegularExpressions;
using CustomerCare.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerCare.Tests.Telemetry;

/// <summary>What a customer says and who they are never reach an exporter: not in a span's tags or events, not in a metric's tags.</summary>
[Collection(TelemetryCollection.Name)]
public sealed partial class TelemetryPrivacyTests : IDisposable
{
    private readonly RecordedTelemetry _telemetry = new();
    private readonly TraceParentHandler _traced = new();
    private readonly BotHost _host;

    public TelemetryPrivacyTests()
    {
        _host = new BotHost { TestServices = _telemetry.AddTo };
    }

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task AClaimWithANameAnEmailAndABooking_LeavesNoneOfThemInSpansOrMetrics()
    {
        var client = await new DirectLineClient(_host.CreateDefaultClient(_traced)).StartAsync();
        var (_, watermark) = await client.GetActivitiesAsync();
        await client.PostMessageAsync("My flight CC400 was delayed, booking DEMO01. I am Alex Sample, alex.sample@example.com");
        await client.PostMessageAsync("Sample");
        await client.PostMessageAsync("yes");
        var grantReference = GrantReference().Match(string.Join("\n", await client.BotTextsAsync(watermark))).Value;
        Assert.NotEmpty(grantReference);

        var spans = await _telemetry.TraceAsync(_traced.TraceId, _traced.Sent);
        var metrics = _telemetry.CollectMetrics(_host.Services);
        Assert.Contains(spans, s => s.Kind == ActivityKind.Server);
        var exported = spans.SelectMany(Values)
            .Concat(metrics.Values.SelectMany(m => m.MetricPoints).SelectMany(p => RecordedTelemetry.Tags(p).Select(t => $"{t.Key}={t.Value}")))
            .ToList();

        foreach (var secret in new[] { "Alex", "Sample", "alex.sample@example.com", "DEMO01", grantReference, client.ConversationId!, client.UserId! })
        {
            Assert.DoesNotContain(exported, value => value.Contains(secret, StringComparison.OrdinalIgnoreCase));
        }
    }

    [Fact]
    public async Task AFailedTurn_IsAnErrorSpanNamingTheExceptionsType_NotItsMessage()
    {
        using var host = new BotHost
        {
            TestServices = services =>
            {
                _telemetry.AddTo(services);
                services.AddSingleton<CustomerCare.Recognition.IRecognizer, ThrowingRecognizer>();
            },
        };
        var client = await new DirectLineClient(host.CreateDefaultClient(_traced)).StartAsync();

        await client.PostMessageAsync("Booking DEMO01 for Alex Sample, please");

        var spans = await _telemetry.TraceAsync(_traced.TraceId, _traced.Sent);
        var turn = Assert.Single(spans, s => RecordedTelemetry.IsBotSpan(s, CustomerCare.Diagnostics.SpanNames.Turn));
        Assert.Equal(ActivityStatusCode.Error, turn.Status);
        Assert.Equal(nameof(InvalidOperationException), turn.StatusDescription);
        Assert.Equal("error_handled", turn.GetTagItem(CustomerCare.Diagnostics.TelemetryTags.Outcome));
        var exported = spans.SelectMany(Values).ToList();
        Assert.DoesNotContain(exported, value => value.Contains("DEMO01", StringComparison.OrdinalIgnoreCase) || value.Contains("Could not understand", StringComparison.Ordinal));
    }

    /// <summary>Everything a span exports as text: its name, tags, status, events and links with their tags.</summary>
    private static IEnumerable<string> Values(Activity span)
        => new[] { span.DisplayName, span.StatusDescription ?? string.Empty }
            .Concat(span.TagObjects.Select(t => $"{t.Key}={t.Value}"))
            .Concat(span.Events.SelectMany(e => e.Tags.Select(t => $"{t.Key}={t.Value}").Append(e.Name)))
            .Concat(span.Links.SelectMany(l => l.Tags?.Select(t => $"{t.Key}={t.Value}") ?? []))
            .Concat(span.Baggage.Select(b => $"{b.Key}={b.Value}"));

    [GeneratedRegex("G-[A-Z0-9]{8}")]
    private static partial Regex GrantReference();
}

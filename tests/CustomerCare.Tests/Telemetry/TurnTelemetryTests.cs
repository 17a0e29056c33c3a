using System.Diagnostics;
using System.Net.Http.Json;
using CustomerCare.Diagnostics;
using CustomerCare.Tests.Support;
using static CustomerCare.Tests.Support.RecordedTelemetry;

namespace CustomerCare.Tests.Telemetry;

/// <summary>A turn through Direct Line, as Web Chat sends it, seen through OpenTelemetry's in-memory exporter.</summary>
[Collection(TelemetryCollection.Name)]
public sealed class TurnTelemetryTests : IDisposable
{
    private readonly RecordedTelemetry _telemetry = new();
    private readonly TraceParentHandler _traced = new();
    private readonly BotHost _host;

    public TurnTelemetryTests()
    {
        _host = new BotHost { TestServices = _telemetry.AddTo };
    }

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task AMessage_IsOneTrace_WithTheRecognizerDialogStateAndSendSpansUnderTheTurn()
    {
        var client = await new DirectLineClient(_host.CreateDefaultClient(_traced)).StartAsync();
        _traced.TraceId = ActivityTraceId.CreateRandom();

        await client.PostMessageAsync("My flight CC400 was delayed, booking DEMO01");

        var trace = await _telemetry.TraceAsync(_traced.TraceId);
        var turn = Assert.Single(trace, s => IsBotSpan(s, SpanNames.Turn));
        Assert.Contains(trace, s => s.SpanId == turn.ParentSpanId);
        Assert.Equal("directline", turn.GetTagItem(TelemetryTags.Channel));
        Assert.Equal("message", turn.GetTagItem(TelemetryTags.ActivityType));
        Assert.Equal("completed", turn.GetTagItem(TelemetryTags.Outcome));
        foreach (var name in new[] { SpanNames.Recognize, SpanNames.DialogBegin, SpanNames.StateRead, SpanNames.StateWrite, SpanNames.Send })
        {
            Assert.True(trace.Any(s => IsBotSpan(s, name) && Descends(s, turn, trace)), $"no {name} span under the turn");
        }
        Assert.Equal("ReportDisruption", trace.First(s => IsBotSpan(s, SpanNames.Recognize)).GetTagItem(TelemetryTags.Intent));
        var dialog = Assert.Single(trace, s => IsBotSpan(s, SpanNames.DialogBegin) && Equals(s.GetTagItem(TelemetryTags.Dialog), "ReportDisruptionDialog"));
        var prompt = Assert.Single(trace, s => IsBotSpan(s, SpanNames.DialogBegin) && Equals(s.GetTagItem(TelemetryTags.Dialog), "TextPrompt"));
        Assert.True(Descends(prompt, dialog, trace), "the prompt's span is not under its dialog's");
        Assert.Equal("DirectLineConnector", trace.First(s => IsBotSpan(s, SpanNames.Send)).GetTagItem(TelemetryTags.Connector));
    }

    [Fact]
    public async Task AChannelsMessage_SendsItsReplyInASpanWithTheConnectorsHttpCallUnderIt_ThatNamesNoConversation()
    {
        await using var channel = await FakeChannel.StartAsync();

        var response = await _host.CreateDefaultClient(_traced).PostAsJsonAsync("/api/messages", new
        {
            type = "message", id = "act-7", text = "Report a disruption", channelId = "emulator", serviceUrl = channel.ServiceUrl, locale = "en-US",
            from = new { id = "user-7", name = "Grace" }, recipient = new { id = "bot-1" }, conversation = new { id = "conv-7" },
        });

        Assert.True(response.IsSuccessStatusCode);
        var trace = await _telemetry.TraceAsync(_traced.TraceId);
        var turn = Assert.Single(trace, s => IsBotSpan(s, SpanNames.Turn));
        Assert.Equal("emulator", turn.GetTagItem(TelemetryTags.Channel));
        var send = Assert.Single(trace, s => IsBotSpan(s, SpanNames.Send));
        Assert.Equal("HttpConnectorClient", send.GetTagItem(TelemetryTags.Connector));
        Assert.True(Descends(send, turn, trace), "the send span is not under the turn");
        var call = Assert.Single(trace, s => s.Kind == ActivityKind.Client && s.ParentSpanId == send.SpanId);
        Assert.Equal(new Uri(channel.ServiceUrl).GetLeftPart(UriPartial.Authority), call.GetTagItem("url.full"));
        Assert.DoesNotContain(trace.SelectMany(s => s.TagObjects), t => t.Value?.ToString() is { } value
            && (value.Contains("conv-7", StringComparison.Ordinal) || value.Contains("act-7", StringComparison.Ordinal) || value.Contains("Grace", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task AGrantAndAHandOff_AreCounted_WithTheirKinds()
    {
        var client = await new DirectLineClient(_host.CreateDefaultClient(_traced)).StartAsync();
        await client.PostMessageAsync("My flight CC400 was delayed, booking DEMO01");
        await client.PostMessageAsync("Sample");
        await client.PostMessageAsync("yes");
        await client.PostMessageAsync("I want to talk to a person");

        var metrics = _telemetry.CollectMetrics(_host.Services);

        Assert.Equal(4, Sum(metrics, "customercare.turns", (TelemetryTags.Channel, "directline"), (TelemetryTags.ActivityType, "message"), (TelemetryTags.Outcome, "completed")));
        Assert.Equal(1, Sum(metrics, "customercare.grants", (TelemetryTags.RemedyKind, "Compensation"), (TelemetryTags.Outcome, "granted"), (TelemetryTags.ActorKind, "Bot"), (TelemetryTags.Channel, "directline")));
        Assert.Equal(1, Sum(metrics, "customercare.handoffs", (TelemetryTags.Reason, "CustomerAskedForPerson"), (TelemetryTags.Outcome, "case_opened"), (TelemetryTags.Channel, "directline")));
        Assert.True(metrics.ContainsKey("customercare.turn.duration"), "the turns' latency was not recorded");
        Assert.Contains(metrics["customercare.queue.depth"].MetricPoints, p => Equals(RecordedTelemetry.Tags(p)[TelemetryTags.Queue], "transcripts"));
        Assert.Contains(metrics["customercare.queue.depth"].MetricPoints, p => Equals(RecordedTelemetry.Tags(p)[TelemetryTags.Queue], "payouts"));
    }

    [Fact]
    public async Task ALogWrittenInATurn_CarriesTheTurnsTraceAndOneOfItsSpans()
    {
        var client = await new DirectLineClient(_host.CreateDefaultClient(_traced)).StartAsync();
        _traced.TraceId = ActivityTraceId.CreateRandom();

        // No agents' channel is set up here, so opening the case logs a warning inside the turn.
        await client.PostMessageAsync("I want to talk to a person");

        var trace = await _telemetry.TraceAsync(_traced.TraceId);
        var turn = Assert.Single(trace, s => IsBotSpan(s, SpanNames.Turn));
        var logged = Assert.Single(_telemetry.Logs.Snapshot(), l => l.CategoryName == "CustomerCare.Bot.Teams.TeamsAgentNotifier");
        Assert.Equal(_traced.TraceId, logged.TraceId);
        Assert.Contains(trace, s => s.SpanId == logged.SpanId && (s == turn || Descends(s, turn, trace)));
    }
}

using CustomerCare.Bot.Transcripts;
using CustomerCare.Diagnostics;

namespace CustomerCare.Bot.Telemetry;

/// <summary>Reports the depth of the transcript queue (entries waiting for the background writer) as a gauge.</summary>
public sealed class QueueDepths(CustomerCareMetrics metrics, TranscriptQueue transcripts) : IHostedService
{
    public const string Transcripts = "transcripts";

    public Task StartAsync(CancellationToken cancellationToken)
    {
        metrics.ObserveQueue(Transcripts, () => transcripts.Count);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

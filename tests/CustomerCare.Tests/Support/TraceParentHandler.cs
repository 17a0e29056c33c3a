using System.Diagnostics;

namespace CustomerCare.Tests.Support;

/// <summary>
/// Sends each request in a trace of the test's own (a W3C traceparent header), as a caller that traces would, so a
/// test finds its turn's spans among every other host's. Counts the requests it sent.
/// </summary>
public sealed class TraceParentHandler : DelegatingHandler
{
    private int _sent;

    public ActivityTraceId TraceId { get; set; } = ActivityTraceId.CreateRandom();

    public int Sent => Volatile.Read(ref _sent);

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Add("traceparent", $"00-{TraceId.ToHexString()}-{ActivitySpanId.CreateRandom().ToHexString()}-01");
        Interlocked.Increment(ref _sent);
        return base.SendAsync(request, cancellationToken);
    }
}

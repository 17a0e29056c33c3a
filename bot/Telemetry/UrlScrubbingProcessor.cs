using System.Diagnostics;
using OpenTelemetry;

namespace CustomerCare.Bot.Telemetry;

/// <summary>
/// Takes ids out of the URLs that HTTP spans record before any exporter sees them: a Direct Line or Connector path holds
/// conversation and activity ids, a query a user's id. A request keeps its route template, a call out its scheme and host.
/// </summary>
public sealed class UrlScrubbingProcessor : BaseProcessor<Activity>
{
    public override void OnEnd(Activity data)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.GetTagItem("url.path") is not null)
        {
            data.SetTag("url.path", data.GetTagItem("http.route"));
        }
        if (data.GetTagItem("url.full") is string full)
        {
            data.SetTag("url.full", Uri.TryCreate(full, UriKind.Absolute, out var uri) ? uri.GetLeftPart(UriPartial.Authority) : null);
        }
        data.SetTag("url.query", null);
    }
}

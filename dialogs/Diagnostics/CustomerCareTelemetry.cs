using System.Diagnostics;

namespace CustomerCare.Diagnostics;

/// <summary>
/// The bot's one ActivitySource and one Meter name. Spans and metrics carry kinds (activity type, channel, dialog,
/// outcome), never what a customer wrote or who they are: no text, names, e-mail addresses, bookings or ids.
/// </summary>
public static class CustomerCareTelemetry
{
    public const string Name = "CustomerCare";

    public static ActivitySource Source { get; } = new(Name);
}

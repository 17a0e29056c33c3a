namespace CustomerCare.Diagnostics;

/// <summary>The names of the spans of a turn (see <see cref="CustomerCareTelemetry"/>).</summary>
public static class SpanNames
{
    public const string Turn = "customercare.turn";
    public const string Recognize = "customercare.recognize";
    public const string DialogBegin = "customercare.dialog.begin";
    public const string DialogContinue = "customercare.dialog.continue";
    public const string StateRead = "customercare.state.read";
    public const string StateWrite = "customercare.state.write";
    public const string StateDelete = "customercare.state.delete";
    public const string Send = "customercare.send";
}

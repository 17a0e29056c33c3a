using CustomerCare.Schema;

namespace CustomerCare.Diagnostics;

/// <summary>
/// The tags spans and metrics may carry, and the low-cardinality values they take. A channel or activity type that
/// a caller made up is "other": what a client sends never becomes a new time series.
/// </summary>
public static class TelemetryTags
{
    public const string ActivityType = "customercare.activity.type";
    public const string Channel = "customercare.channel";
    public const string Outcome = "customercare.outcome";
    public const string Dialog = "customercare.dialog";
    public const string DialogStatus = "customercare.dialog.status";
    public const string Recognizer = "customercare.recognizer";
    public const string Intent = "customercare.intent";
    public const string Language = "customercare.language";
    public const string State = "customercare.state";
    public const string Connector = "customercare.connector";
    public const string RemedyKind = "customercare.remedy.kind";
    public const string ActorKind = "customercare.actor.kind";
    public const string Reason = "customercare.reason";
    public const string Policy = "customercare.rate_limit.policy";
    public const string Queue = "customercare.queue";

    private const string Other = "other";

    private static readonly HashSet<string> Channels = new(StringComparer.Ordinal) { "directline", "msteams", "webchat", "emulator", "test" };

    private static readonly HashSet<string> ActivityTypes = new(StringComparer.Ordinal)
    {
        Schema.ActivityTypes.Message, Schema.ActivityTypes.ConversationUpdate, Schema.ActivityTypes.Typing, Schema.ActivityTypes.EndOfConversation,
        Schema.ActivityTypes.Event, Schema.ActivityTypes.Invoke, Schema.ActivityTypes.InvokeResponse, Schema.ActivityTypes.InstallationUpdate,
        Schema.ActivityTypes.MessageUpdate, Schema.ActivityTypes.MessageDelete, Schema.ActivityTypes.MessageReaction, Schema.ActivityTypes.Trace,
        Schema.ActivityTypes.Handoff,
    };

    public static string ChannelOf(string? channelId) => channelId is not null && Channels.Contains(channelId) ? channelId : Other;

    public static string TypeOf(Activity activity) => activity.Type is { } type && ActivityTypes.Contains(type) ? type : Other;
}

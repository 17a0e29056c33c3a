using System.Text.Json;
using CustomerCare.Privacy;
using CustomerCare.Schema;

namespace CustomerCare.Bot.Transcripts;

/// <summary>
/// Appends activities to the transcript queue as they will be stored: timestamped, with a role, and with card
/// numbers, IBANs, e-mail addresses and phone numbers masked in the text (the live activity is not changed).
/// </summary>
public sealed class TranscriptLog(TranscriptQueue queue, TimeProvider clock)
{
    public void Append(Activity activity)
    {
        activity.Timestamp ??= clock.GetUtcNow();
        var stored = activity.Clone();
        stored.Text = Mask(activity.Text);
        stored.Speak = Mask(activity.Speak);
        stored.Summary = Mask(activity.Summary);
        queue.Enqueue(new TranscriptEntry(
            activity.ChannelId ?? "unknown",
            activity.Conversation?.Id ?? "unknown",
            activity.Timestamp.Value.UtcDateTime,
            activity.From?.Role ?? RoleTypes.Bot,
            activity.Type ?? ActivityTypes.Message,
            JsonSerializer.Serialize(stored, ProtocolJsonContext.Default.Activity))
        {
            Text = stored.Text,
            Locale = activity.Locale,
            ConversationType = activity.Conversation?.ConversationType,
            FromId = activity.From?.Id,
            FromName = activity.From?.Name,
            // Only the bot's own messages can carry an agent's name: a client's channelData is not trusted.
            AgentName = activity.From?.Role == RoleTypes.Bot ? AgentTurn.NameOf(activity) : null,
        });
    }

    private static string? Mask(string? text) => text is null ? null : SensitiveDataMask.Apply(text);
}

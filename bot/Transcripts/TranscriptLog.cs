using System.Text.Json;
using CustomerCare.Privacy;
using CustomerCare.Schema;

namespace CustomerCare.Bot.Transcripts;

/// <summary>
/// Appends activities to the transcript queue as they will be stored: timestamped, with a role, and with card
/// numbers, IBANs, e-mail addresses and phone numbers masked in the text, in attachments' names and cards, in
/// channel data and in submitted values (the live activity is not changed).
/// </summary>
public sealed class TranscriptLog(TranscriptQueue queue, TimeProvider clock)
{
    /// <summary>Queues the activity as it will be stored; waits while the queue is full (see <see cref="TranscriptQueue"/>).</summary>
    public ValueTask<bool> AppendAsync(Activity activity, CancellationToken cancellationToken = default)
    {
        activity.Timestamp ??= clock.GetUtcNow();
        var stored = activity.Clone();
        stored.Text = Mask(activity.Text);
        stored.Speak = Mask(activity.Speak);
        stored.Summary = Mask(activity.Summary);
        // Cards, channel data and submitted values carry what people typed as well: each of their strings is masked too.
        // Whatever cannot be masked is not kept: the turn goes on, the transcript keeps the text.
        try
        {
            stored.ChannelData = MaskedJson.Of(activity.ChannelData);
            stored.Value = MaskedJson.Of(activity.Value);
            stored.Attachments = activity.Attachments?.Select(a => new Attachment
            {
                ContentType = a.ContentType,
                ContentUrl = a.ContentUrl,
                Content = MaskedJson.Of(a.Content),
                Name = Mask(a.Name),
                ThumbnailUrl = a.ThumbnailUrl,
            }).ToList();
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or ArgumentException)
        {
            (stored.ChannelData, stored.Value, stored.Attachments) = (null, null, null);
        }
        return queue.EnqueueAsync(new TranscriptEntry(
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
        }, cancellationToken);
    }

    private static string? Mask(string? text) => text is null ? null : SensitiveDataMask.Apply(text);
}

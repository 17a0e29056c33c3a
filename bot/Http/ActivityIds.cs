using System.Text;
using CustomerCare.Schema;

namespace CustomerCare.Bot.Http;

/// <summary>
/// The ids an activity carries become keys and index entries in the stores (LiteDB's index keys hold at most 1,023
/// bytes): each is at most <see cref="MaxBytes"/> bytes of printable characters, or the activity is refused with a
/// clear error before it reaches any of them. Channels' own ids (Teams, Direct Line) are far shorter.
/// </summary>
public static class ActivityIds
{
    public const int MaxBytes = 512;

    /// <summary>What is wrong with the activity's ids, or null when they are fine.</summary>
    public static string? Problem(Activity activity)
    {
        (string Name, string? Value)[] ids =
        [
            ("id", activity.Id), ("channelId", activity.ChannelId), ("replyToId", activity.ReplyToId),
            ("conversation.id", activity.Conversation?.Id), ("from.id", activity.From?.Id), ("recipient.id", activity.Recipient?.Id),
        ];
        var wrong = ids.FirstOrDefault(i => i.Value is { } value && (Encoding.UTF8.GetByteCount(value) > MaxBytes || value.Any(char.IsControl)));
        return wrong.Name is null ? null : $"'{wrong.Name}' must be at most {MaxBytes} bytes of printable characters.";
    }
}

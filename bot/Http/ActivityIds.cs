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

    /// <summary>A channel's id ("msteams", "directline") is short; it is joined with the conversation's id into keys, which together stay far below 1,023 bytes.</summary>
    public const int MaxChannelIdBytes = 64;

    /// <summary>Not a control, format (U+200B, U+202E, U+FEFF) or line/paragraph separator character: nothing that splits a log line or turns text around.</summary>
    private static bool Printable(char c)
        => !char.IsControl(c) && char.GetUnicodeCategory(c) is not (System.Globalization.UnicodeCategory.Format or System.Globalization.UnicodeCategory.LineSeparator
            or System.Globalization.UnicodeCategory.ParagraphSeparator or System.Globalization.UnicodeCategory.Surrogate);

    /// <summary>What is wrong with the activity's ids, or null when they are fine.</summary>
    public static string? Problem(Activity activity)
    {
        (string Name, string? Value, int Max)[] ids =
        [
            ("id", activity.Id, MaxBytes), ("channelId", activity.ChannelId, MaxChannelIdBytes), ("replyToId", activity.ReplyToId, MaxBytes),
            ("conversation.id", activity.Conversation?.Id, MaxBytes), ("from.id", activity.From?.Id, MaxBytes), ("recipient.id", activity.Recipient?.Id, MaxBytes),
        ];
        var wrong = ids.FirstOrDefault(i => i.Value is { } value && (Encoding.UTF8.GetByteCount(value) > i.Max || !value.All(Printable)));
        return wrong.Name is null ? null : $"'{wrong.Name}' must be at most {wrong.Max} bytes of printable characters.";
    }
}

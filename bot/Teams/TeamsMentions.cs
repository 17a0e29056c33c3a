using System.Text.Json;
using CustomerCare.Schema;

namespace CustomerCare.Bot.Teams;

/// <summary>Teams delivers channel messages only when the bot is @mentioned; the mention text is removed before the bot reads the message.</summary>
public static class TeamsMentions
{
    public static void RemoveRecipientMention(Activity activity)
    {
        if (activity.Text is null || activity.Entities is null || activity.Recipient?.Id is not { } botId)
        {
            return;
        }
        foreach (var entity in activity.Entities.Where(e => e.Type == "mention"))
        {
            var properties = entity.Properties;
            if (properties is null
                || !properties.TryGetValue("mentioned", out var mentioned)
                || mentioned.ValueKind != JsonValueKind.Object
                || !mentioned.TryGetProperty("id", out var id)
                || id.GetString() != botId
                || !properties.TryGetValue("text", out var text)
                || text.GetString() is not { Length: > 0 } mentionText)
            {
                continue;
            }
            activity.Text = activity.Text.Replace(mentionText, string.Empty, StringComparison.Ordinal);
        }
        activity.Text = activity.Text.Trim();
    }
}

using System.Text.Json;
using CustomerCare.Schema;

namespace CustomerCare.Bot.Teams;

/// <summary>The parts of Teams channelData the bot uses: tenant, team, channel, and the event that happened.</summary>
public sealed record TeamsChannelData(string? TenantId, string? TeamId, string? TeamName, string? ChannelId, string? ChannelName, string? EventType)
{
    public static TeamsChannelData From(Activity activity)
    {
        if (activity.ChannelData is not { ValueKind: JsonValueKind.Object } data)
        {
            return new TeamsChannelData(activity.Conversation?.TenantId, null, null, null, null, null);
        }
        static string? Read(JsonElement parent, string objectName, string property)
            => parent.TryGetProperty(objectName, out var child) && child.ValueKind == JsonValueKind.Object && child.TryGetProperty(property, out var value) ? value.GetString() : null;
        return new TeamsChannelData(
            Read(data, "tenant", "id") ?? activity.Conversation?.TenantId,
            Read(data, "team", "id"),
            Read(data, "team", "name"),
            Read(data, "channel", "id"),
            Read(data, "channel", "name"),
            data.TryGetProperty("eventType", out var eventType) ? eventType.GetString() : null);
    }
}

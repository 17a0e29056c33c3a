using System.Text.Json;
using System.Text.Json.Nodes;
using CustomerCare.Schema;

namespace CustomerCare.Bot.Transcripts;

/// <summary>
/// Marks a message a person wrote to the customer through the bot: channelData {"customerCare": {"agent": name}}, so
/// transcripts tell an agent's turn from the bot's (both are sent as the bot, role "bot").
/// </summary>
public static class AgentTurn
{
    private const string Property = "customerCare";

    public static JsonElement ChannelData(string agentName)
        => JsonSerializer.SerializeToElement(new JsonObject { [Property] = new JsonObject { ["agent"] = agentName } }, ProtocolJsonContext.Default.JsonNode);

    public static string? NameOf(Activity activity)
        => activity.ChannelData is { ValueKind: JsonValueKind.Object } data
           && data.TryGetProperty(Property, out var mark) && mark.ValueKind == JsonValueKind.Object
           && mark.TryGetProperty("agent", out var name) && name.ValueKind == JsonValueKind.String
            ? name.GetString()
            : null;
}

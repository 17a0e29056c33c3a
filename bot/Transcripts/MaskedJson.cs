using System.Text.Json;
using System.Text.Json.Nodes;
using CustomerCare.Privacy;

namespace CustomerCare.Bot.Transcripts;

/// <summary>
/// A JSON value as a transcript keeps it: every string in it (a card's text and input values, channel data, a card
/// action's value) masked like message text; names of properties and everything else left as they are.
/// </summary>
internal static class MaskedJson
{
    public static JsonElement? Of(JsonElement? value)
    {
        if (value is not { } element || element.ValueKind is not (JsonValueKind.Object or JsonValueKind.Array or JsonValueKind.String))
        {
            return value;
        }
        var node = JsonNode.Parse(element.GetRawText());
        var masked = Mask(node);
        return masked is null ? null : JsonSerializer.SerializeToElement(masked, CustomerCare.Schema.ProtocolJsonContext.Default.JsonNode);
    }

    private static JsonNode? Mask(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var key in obj.Select(p => p.Key).ToList())
                {
                    if (IsString(obj[key], out var text))
                    {
                        obj[key] = JsonValue.Create(SensitiveDataMask.Apply(text));
                    }
                    else
                    {
                        Mask(obj[key]);
                    }
                }
                return obj;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    if (IsString(array[i], out var text))
                    {
                        array[i] = JsonValue.Create(SensitiveDataMask.Apply(text));
                    }
                    else
                    {
                        Mask(array[i]);
                    }
                }
                return array;
            default:
                return IsString(node, out var leaf) ? JsonValue.Create(SensitiveDataMask.Apply(leaf)) : node;
        }
    }

    private static bool IsString(JsonNode? node, out string text)
    {
        text = node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : string.Empty;
        return node is JsonValue { } v && v.GetValueKind() == JsonValueKind.String;
    }
}

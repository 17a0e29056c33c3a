using System.Text.Json;
using System.Text.Json.Serialization;

namespace CustomerCare.Schema;

/// <summary>Source-generated serialization for the wire types: camelCase, nulls omitted, UTC timestamps with Z.</summary>
[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = [typeof(IsoTimestampConverter)])]
[JsonSerializable(typeof(Activity))]
[JsonSerializable(typeof(List<Activity>))]
[JsonSerializable(typeof(Activity[]))]
[JsonSerializable(typeof(ResourceResponse))]
[JsonSerializable(typeof(ConversationResourceResponse))]
[JsonSerializable(typeof(ConversationParameters))]
[JsonSerializable(typeof(ErrorResponse))]
[JsonSerializable(typeof(InvokeResponse))]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(JsonElement))]
[JsonSerializable(typeof(System.Text.Json.Nodes.JsonNode))]
public sealed partial class ProtocolJsonContext : JsonSerializerContext;

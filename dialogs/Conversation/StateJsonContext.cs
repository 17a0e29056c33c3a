using System.Text.Json;
using System.Text.Json.Serialization;

namespace CustomerCare.Conversation;

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ConversationData))]
[JsonSerializable(typeof(UserProfile))]
public sealed partial class StateJsonContext : JsonSerializerContext;

using System.Text.Json;
using System.Text.Json.Serialization;
using CustomerCare.Schema;

namespace CustomerCare.Bot.DirectLine;

[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = [typeof(IsoTimestampConverter)])]
[JsonSerializable(typeof(ActivitySet))]
[JsonSerializable(typeof(DirectLineConversationInfo))]
[JsonSerializable(typeof(WebChatToken))]
[JsonSerializable(typeof(TokenRequest))]
[JsonSerializable(typeof(ResourceResponse))]
public sealed partial class DirectLineJsonContext : JsonSerializerContext;

using System.Text.Json;
using System.Text.Json.Serialization;
using CustomerCare.Dialogs.Prompts;

namespace CustomerCare.Dialogs;

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(PromptOptions))]
[JsonSerializable(typeof(DialogState))]
[JsonSerializable(typeof(FoundChoice))]
[JsonSerializable(typeof(int))]
[JsonSerializable(typeof(bool))]
[JsonSerializable(typeof(string))]
internal sealed partial class DialogJsonContext : JsonSerializerContext;

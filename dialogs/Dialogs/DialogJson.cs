using System.Text.Json;
using System.Text.Json.Nodes;

namespace CustomerCare.Dialogs;

/// <summary>How dialogs keep typed values in their instance state between turns.</summary>
public static class DialogJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    public static T? Get<T>(this JsonObject state, string name)
        => state.TryGetPropertyValue(name, out var node) && node is not null ? node.Deserialize<T>(Options) : default;

    public static void Put<T>(this JsonObject state, string name, T value)
        => state[name] = value is null ? null : JsonSerializer.SerializeToNode(value, Options);
}

using System.Text.Json;
using System.Text.Json.Nodes;

namespace CustomerCare.Dialogs;

/// <summary>How dialogs keep typed values in their instance state between turns.</summary>
public static class DialogJson
{
    /// <summary>Source-generated for the engine's own types (prompt options, activities); reflection for flow records.</summary>
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
        TypeInfoResolver = System.Text.Json.Serialization.Metadata.JsonTypeInfoResolver.Combine(
            DialogJsonContext.Default, new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver()),
    };

    public static T? Get<T>(this JsonObject state, string name)
        => state.TryGetPropertyValue(name, out var node) && node is not null ? node.Deserialize<T>(Options) : default;

    public static void Put<T>(this JsonObject state, string name, T value)
        => state[name] = value is null ? null : JsonSerializer.SerializeToNode(value, Options);
}

using System.Text.Json.Serialization.Metadata;

namespace CustomerCare.Bot.Operations;

/// <summary>
/// A JSON contract modifier: a list property written <c>null</c> ("bags": null) is read as an empty list, as a missing
/// one is, so code reading bookings never meets a null list (System.Text.Json would otherwise set the null).
/// </summary>
internal static class NullListsAsEmpty
{
    public static void Modify(JsonTypeInfo typeInfo)
    {
        if (typeInfo.Kind != JsonTypeInfoKind.Object)
        {
            return;
        }
        foreach (var property in typeInfo.Properties)
        {
            if (property.Set is not { } set || !property.PropertyType.IsGenericType || property.PropertyType.GetGenericTypeDefinition() != typeof(IReadOnlyList<>))
            {
                continue;
            }
            var empty = Array.CreateInstance(property.PropertyType.GetGenericArguments()[0], 0);
            property.Set = (target, value) => set(target, value ?? empty);
        }
    }
}

using System.Text.Json;
using System.Text.Json.Serialization;

namespace CustomerCare.Bot.Storage;

/// <summary>How grants and approval requests are written into their documents: web casing, enums by name (older files wrote them so, and read back case-insensitively).</summary>
internal static class LedgerJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };
}

using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CustomerCare.Bot.Privacy;

/// <summary>How a data-subject export is written: web casing, enums by name, indented for the person who reads it.</summary>
public static class PrivacyJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Write(CustomerRecords records) => JsonSerializer.Serialize(records, Options);
}

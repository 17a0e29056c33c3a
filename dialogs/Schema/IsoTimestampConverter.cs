using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CustomerCare.Schema;

/// <summary>Writes UTC instants with a trailing Z (the schema's form); other offsets are kept, as localTimestamp needs.</summary>
public sealed class IsoTimestampConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.GetString();
        if (text is null || !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var value))
        {
            throw new JsonException($"'{text}' is not an ISO-8601 timestamp.");
        }
        return value;
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options)
    {
        var format = value.Offset == TimeSpan.Zero ? "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'" : "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz";
        writer.WriteStringValue(value.ToString(format, CultureInfo.InvariantCulture));
    }
}

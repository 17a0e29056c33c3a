using System.Text.Json.Serialization;

namespace CustomerCare.Airports;

/// <summary>The fields of an OurAirports airport the bot reads (the data writes numbers as strings).</summary>
public sealed record OurAirportsRow(
    [property: JsonPropertyName("iata_code")] string? IataCode,
    [property: JsonPropertyName("name")] string? Name,
    [property: JsonPropertyName("iso_country")] string? Country,
    [property: JsonPropertyName("iso_region")] string? Subdivision,
    [property: JsonPropertyName("latitude_deg")] string? Latitude,
    [property: JsonPropertyName("longitude_deg")] string? Longitude);

[JsonSerializable(typeof(List<OurAirportsRow>))]
internal sealed partial class AirportJsonContext : JsonSerializerContext;

using System.Text.Json;
using System.Text.Json.Serialization;
using CustomerCare.Operations;

namespace CustomerCare.Bot.Operations;

/// <summary>The JSON form of bookings and flight-operations records (demo data and JSON imports).</summary>
public sealed record OperationsDataFile(List<Booking>? Bookings, List<FlightOperation>? Flights)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    public static OperationsDataFile Read(Stream json)
        => JsonSerializer.Deserialize<OperationsDataFile>(json, Json) ?? new OperationsDataFile([], []);
}

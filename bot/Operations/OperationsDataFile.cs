using System.Text.Json.Serialization.Metadata;
using System.Text.Json.Serialization;
using System.Text.Json;
using CustomerCare.Operations;
using CustomerCare.Remedies;

namespace CustomerCare.Bot.Operations;

/// <summary>The JSON form of bookings and flight-operations records (demo data and JSON imports).</summary>
public sealed record OperationsDataFile(List<Booking>? Bookings, List<FlightOperation>? Flights)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        // Cabins and bag statuses only by name, as in the CSV tables; other enums keep accepting numbers as they always did.
        Converters = { new JsonStringEnumConverter<Cabin>(allowIntegerValues: false), new JsonStringEnumConverter<BagStatus>(allowIntegerValues: false), new JsonStringEnumConverter() },
        TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { NullListsAsEmpty.Modify } },
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    public static OperationsDataFile Read(Stream json)
        => JsonSerializer.Deserialize<OperationsDataFile>(json, Json) ?? new OperationsDataFile([], []);
}

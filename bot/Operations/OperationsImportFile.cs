using System.Globalization;
using System.Text.Json;
using CustomerCare.Airports;
using CustomerCare.Operations;
using CustomerCare.Remedies;

namespace CustomerCare.Bot.Operations;

/// <summary>
/// Reads an import file — JSON ({bookings, flights}) or CSV (a bookings or a flights table, chosen by its header) —
/// and validates every row. A file with any problem yields its problems and nothing to import.
/// </summary>
public static class OperationsImportFile
{
    public const string BookingsHeader = "recordLocator,passengerId,firstName,lastName,tier,flightNumber,origin,destination,scheduledDepartureUtc,scheduledArrivalUtc,fare,currency,ticketNumber,email,paymentReference,fareType";

    /// <summary>The bookings table before it said which tickets are free or not available to the public; still read.</summary>
    public const string BookingsHeaderWithoutFareTypes = "recordLocator,passengerId,firstName,lastName,tier,flightNumber,origin,destination,scheduledDepartureUtc,scheduledArrivalUtc,fare,currency,ticketNumber,email,paymentReference";

    /// <summary>The bookings table before it carried e-mail addresses and payment references; still read.</summary>
    public const string BookingsHeaderWithoutPayments = "recordLocator,passengerId,firstName,lastName,tier,flightNumber,origin,destination,scheduledDepartureUtc,scheduledArrivalUtc,fare,currency,ticketNumber";

    /// <summary>The bookings table before it carried e-ticket numbers; still read.</summary>
    public const string BookingsHeaderWithoutTickets = "recordLocator,passengerId,firstName,lastName,tier,flightNumber,origin,destination,scheduledDepartureUtc,scheduledArrivalUtc,fare,currency";
    public const string FlightsHeader = "flightNumber,scheduledDate,origin,destination,scheduledDepartureUtc,scheduledArrivalUtc,actualDepartureUtc,actualArrivalUtc,cancelled,cancellationNoticeUtc,rerouteDepartureUtc,rerouteArrivalUtc,causeCode,extraordinary,euCarrier,ukCarrier";

    /// <summary>The flights table before it said whether the operating carrier is licensed in the UK; still read.</summary>
    public const string FlightsHeaderWithoutUkCarrier = "flightNumber,scheduledDate,origin,destination,scheduledDepartureUtc,scheduledArrivalUtc,actualDepartureUtc,actualArrivalUtc,cancelled,cancellationNoticeUtc,rerouteDepartureUtc,rerouteArrivalUtc,causeCode,extraordinary,euCarrier";

    public sealed record Result(IReadOnlyList<Booking> Bookings, IReadOnlyList<FlightOperation> Flights, IReadOnlyList<ImportProblem> Problems);

    public static Result Read(string path, AirportDirectory airports)
    {
        var text = File.ReadAllText(path);
        return text.TrimStart().StartsWith('{') ? ReadJson(text, airports) : ReadCsv(text, airports);
    }

    private static Result ReadJson(string text, AirportDirectory airports)
    {
        OperationsDataFile file;
        try
        {
            using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(text));
            file = OperationsDataFile.Read(stream);
        }
        catch (JsonException ex)
        {
            return new Result([], [], [new ImportProblem($"line {(ex.LineNumber ?? 0) + 1}", ex.Message)]);
        }
        var problems = new List<ImportProblem>();
        var bookings = file.Bookings ?? [];
        var flights = file.Flights ?? [];
        for (var i = 0; i < bookings.Count; i++)
        {
            problems.AddRange(OperationsValidator.Check(bookings[i], airports).Select(p => new ImportProblem($"bookings[{i}] ({bookings[i].RecordLocator})", p)));
        }
        for (var i = 0; i < flights.Count; i++)
        {
            problems.AddRange(OperationsValidator.Check(flights[i], airports).Select(p => new ImportProblem($"flights[{i}] ({flights[i].FlightNumber})", p)));
        }
        return problems.Count > 0 ? new Result([], [], problems) : new Result(bookings, flights, []);
    }

    private static Result ReadCsv(string text, AirportDirectory airports)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var header = lines[0].Trim().TrimStart('\uFEFF');
        if (header == BookingsHeader || header == BookingsHeaderWithoutFareTypes || header == BookingsHeaderWithoutPayments || header == BookingsHeaderWithoutTickets)
        {
            return CsvBookings.Read(lines, airports, columns: header.Split(',').Length);
        }
        if (header == FlightsHeader || header == FlightsHeaderWithoutUkCarrier)
        {
            return CsvFlights.Read(lines, airports, withUkCarrier: header == FlightsHeader);
        }
        return new Result([], [], [new ImportProblem("line 1", $"unknown header; expected either\n  {BookingsHeader}\nor\n  {FlightsHeader}")]);
    }

    internal static DateTime Utc(string value, string column)
        => DateTime.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var parsed)
            && (value.EndsWith('Z') || value.Contains('+', StringComparison.Ordinal))
            ? DateTime.SpecifyKind(parsed, DateTimeKind.Utc)
            : throw new FormatException($"{column} '{value}' must be an ISO-8601 UTC time such as 2026-11-18T10:00:00Z");

    internal static DateTime? OptionalUtc(string value, string column) => value.Length == 0 ? null : Utc(value, column);

    internal static bool Bool(string value, string column) => value.ToUpperInvariant() switch
    {
        "TRUE" or "YES" or "1" => true,
        "FALSE" or "NO" or "0" or "" => false,
        _ => throw new FormatException($"{column} '{value}' must be true or false"),
    };

    internal static LoyaltyTier Tier(string value)
        => Enum.TryParse<LoyaltyTier>(value, ignoreCase: true, out var tier) && Enum.IsDefined(tier)
            ? tier
            : throw new FormatException($"tier '{value}' must be one of {string.Join(", ", Enum.GetNames<LoyaltyTier>())}");

    /// <summary>Empty for a public fare; otherwise FreeOfCharge or NotAvailableToPublic (EU261 Art. 3(3)).</summary>
    internal static FareType FareTypeOf(string value)
        => value.Length == 0 ? FareType.Public
            : Enum.TryParse<FareType>(value, ignoreCase: true, out var fareType) && Enum.IsDefined(fareType) && !int.TryParse(value, out _)
                ? fareType
                : throw new FormatException($"fareType '{value}' must be empty or one of {string.Join(", ", Enum.GetNames<FareType>())}");

    internal static decimal Amount(string value, string column)
        => decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out var amount)
            ? amount
            : throw new FormatException($"{column} '{value}' must be a number like 189.50");
}

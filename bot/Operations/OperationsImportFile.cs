using System.Globalization;
using CustomerCare.Airports;
using CustomerCare.Operations;
using CustomerCare.Remedies;

namespace CustomerCare.Bot.Operations;

/// <summary>
/// Reads an import file — JSON ({bookings, flights}) or CSV (a bookings, flights, rebookings, cabins or bags table,
/// chosen by its header) — and validates every row on its own. Nothing of a file with any problem is imported. Whether
/// a row's booking, passenger and flights exist is for <see cref="ImportCrossCheck"/>: it needs the other files of the
/// run and the store.
/// </summary>
public static class OperationsImportFile
{
    public const string BookingsHeader = "recordLocator,passengerId,firstName,lastName,tier,flightNumber,origin,destination,scheduledDepartureUtc,scheduledArrivalUtc,fare,currency,ticketNumber,email,paymentReference,fareType,bagTags";

    /// <summary>The bookings table before it listed the tags of each passenger's checked bags; still read.</summary>
    public const string BookingsHeaderWithoutBagTags = "recordLocator,passengerId,firstName,lastName,tier,flightNumber,origin,destination,scheduledDepartureUtc,scheduledArrivalUtc,fare,currency,ticketNumber,email,paymentReference,fareType";

    /// <summary>The bookings table before it said which tickets are free or not available to the public; still read.</summary>
    public const string BookingsHeaderWithoutFareTypes = "recordLocator,passengerId,firstName,lastName,tier,flightNumber,origin,destination,scheduledDepartureUtc,scheduledArrivalUtc,fare,currency,ticketNumber,email,paymentReference";

    /// <summary>The bookings table before it carried e-mail addresses and payment references; still read.</summary>
    public const string BookingsHeaderWithoutPayments = "recordLocator,passengerId,firstName,lastName,tier,flightNumber,origin,destination,scheduledDepartureUtc,scheduledArrivalUtc,fare,currency,ticketNumber";

    /// <summary>The bookings table before it carried e-ticket numbers; still read.</summary>
    public const string BookingsHeaderWithoutTickets = "recordLocator,passengerId,firstName,lastName,tier,flightNumber,origin,destination,scheduledDepartureUtc,scheduledArrivalUtc,fare,currency";
    public const string FlightsHeader = "flightNumber,scheduledDate,origin,destination,scheduledDepartureUtc,scheduledArrivalUtc,actualDepartureUtc,actualArrivalUtc,cancelled,cancellationNoticeUtc,rerouteDepartureUtc,rerouteArrivalUtc,causeCode,extraordinary,euCarrier,ukCarrier";

    /// <summary>The flights table before it said whether the operating carrier is licensed in the UK; still read.</summary>
    public const string FlightsHeaderWithoutUkCarrier = "flightNumber,scheduledDate,origin,destination,scheduledDepartureUtc,scheduledArrivalUtc,actualDepartureUtc,actualArrivalUtc,cancelled,cancellationNoticeUtc,rerouteDepartureUtc,rerouteArrivalUtc,causeCode,extraordinary,euCarrier";

    /// <summary>The flights passengers were rebooked onto, each row naming the booked flight it replaces.</summary>
    public const string RebookingsHeader = "recordLocator,passengerId,replacesFlightNumber,replacesDate,flightNumber,scheduledDate";

    /// <summary>The cabin each passenger booked and flew on one of the booking's flights.</summary>
    public const string CabinsHeader = "recordLocator,passengerId,flightNumber,scheduledDate,bookedCabin,flownCabin";

    /// <summary>Property irregularity reports: one row per file reference and bag tag.</summary>
    public const string BagsHeader = "recordLocator,passengerId,fileReference,bagTag,flightNumber,scheduledDate,reportedUtc,status,receivedUtc";

    /// <summary>
    /// What a file holds. Bookings come without rebookings, cabins and bags: those (a JSON booking's own, or a table's
    /// rows) are in <see cref="Rebookings"/>, <see cref="Cabins"/> and <see cref="Bags"/>, each naming its booking, so
    /// that saving can keep what a booking already has and upsert what the file brings. A file with problems brings
    /// nothing to import, except that a table of such records keeps the rows that read well, to be checked against
    /// their bookings in the same run, so that every problem is reported at once.
    /// </summary>
    public sealed record Result(IReadOnlyList<Booking> Bookings, IReadOnlyList<FlightOperation> Flights, IReadOnlyList<ImportProblem> Problems)
    {
        public IReadOnlyList<AttachedRecord<Rebooking>> Rebookings { get; init; } = [];

        public IReadOnlyList<AttachedRecord<CabinRecord>> Cabins { get; init; } = [];

        public IReadOnlyList<AttachedRecord<BagRecord>> Bags { get; init; } = [];

        /// <summary>Whether the file only adds records to bookings (then it is saved after the files that bring bookings).</summary>
        public bool OnlyAttaches => Bookings.Count == 0 && Flights.Count == 0 && (Rebookings.Count > 0 || Cabins.Count > 0 || Bags.Count > 0);
    }

    public static Result Read(string path, AirportDirectory airports)
    {
        var text = File.ReadAllText(path);
        return text.TrimStart().StartsWith('{') ? JsonImportFile.Read(text, airports) : ReadCsv(text, airports);
    }

    private static Result ReadCsv(string text, AirportDirectory airports)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var header = lines[0].Trim().TrimStart('\uFEFF');
        if (header == BookingsHeader || header == BookingsHeaderWithoutBagTags || header == BookingsHeaderWithoutFareTypes || header == BookingsHeaderWithoutPayments || header == BookingsHeaderWithoutTickets)
        {
            return CsvBookings.Read(lines, airports, columns: header.Split(',').Length);
        }
        if (header == FlightsHeader || header == FlightsHeaderWithoutUkCarrier)
        {
            return CsvFlights.Read(lines, airports, withUkCarrier: header == FlightsHeader);
        }
        return header switch
        {
            RebookingsHeader => CsvRebookings.Read(lines),
            CabinsHeader => CsvCabins.Read(lines),
            BagsHeader => CsvBags.Read(lines, airports),
            _ => new Result([], [], [new ImportProblem("line 1", $"unknown header; expected one of\n  {BookingsHeader}\n  {FlightsHeader}\n  {RebookingsHeader}\n  {CabinsHeader}\n  {BagsHeader}")]),
        };
    }

    internal static DateTime Utc(string value, string column)
        => DateTime.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var parsed)
            && (value.EndsWith('Z') || value.Contains('+', StringComparison.Ordinal))
            ? DateTime.SpecifyKind(parsed, DateTimeKind.Utc)
            : throw new FormatException($"{column} '{value}' must be an ISO-8601 UTC time such as 2026-11-18T10:00:00Z");

    internal static DateOnly Day(string value, string column)
        => IsoDates.Parse(value) ?? throw new FormatException($"{column} '{value}' must be yyyy-MM-dd");

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

    /// <summary>One of the enum's names, in any case; numbers are not names.</summary>
    internal static TEnum Named<TEnum>(string value, string column) where TEnum : struct, Enum
        => Enum.TryParse<TEnum>(value, ignoreCase: true, out var named) && Enum.IsDefined(named) && !int.TryParse(value, out _)
            ? named
            : throw new FormatException($"{column} '{value}' must be one of {string.Join(", ", Enum.GetNames<TEnum>())}");

    internal static decimal Amount(string value, string column)
        => decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out var amount)
            ? amount
            : throw new FormatException($"{column} '{value}' must be a number like 189.50");
}

using System.Text.RegularExpressions;
using CustomerCare.Airports;
using CustomerCare.Operations;
using CustomerCare.Remedies;

namespace CustomerCare.Bot.Operations;

/// <summary>
/// The rules every imported rebooking, cabin record and bag record must satisfy on its own, whichever file brings it.
/// Whether it fits its booking is <see cref="BookingFitCheck"/>'s.
/// </summary>
public static partial class AttachedRecordsValidator
{
    /// <summary>A bag tag as IATA Resolution 740 prints it: the 10-digit licence plate, or the airline's code and a 6-digit number.</summary>
    public static bool IsBagTag(string? tag) => BagTag().IsMatch(tag ?? string.Empty);

    public static IEnumerable<string> Check(Rebooking rebooking)
    {
        if (string.IsNullOrWhiteSpace(rebooking.PassengerId))
        {
            yield return "passengerId is required";
        }
        foreach (var problem in CheckFlight("replacesFlightNumber", rebooking.ReplacesFlightNumber, "replacesDate", rebooking.ReplacesDate)
            .Concat(CheckFlight("flightNumber", rebooking.FlightNumber, "scheduledDate", rebooking.ScheduledDate)))
        {
            yield return problem;
        }
        if (rebooking.ReplacesDate == rebooking.ScheduledDate && FlightKeys.Number(rebooking.ReplacesFlightNumber ?? string.Empty) == FlightKeys.Number(rebooking.FlightNumber ?? string.Empty))
        {
            yield return $"a flight cannot replace itself ({rebooking.FlightNumber} on {IsoDates.Format(rebooking.ScheduledDate)})";
        }
    }

    public static IEnumerable<string> Check(CabinRecord cabin)
    {
        if (string.IsNullOrWhiteSpace(cabin.PassengerId))
        {
            yield return "passengerId is required";
        }
        foreach (var problem in CheckFlight("flightNumber", cabin.FlightNumber, "scheduledDate", cabin.ScheduledDate))
        {
            yield return problem;
        }
        if (!Enum.IsDefined(cabin.Booked) || !Enum.IsDefined(cabin.Flown))
        {
            yield return $"the booked and the flown cabin must each be one of {string.Join(", ", Enum.GetNames<Cabin>())}";
        }
    }

    public static IEnumerable<string> Check(BagRecord bag, AirportDirectory airports)
    {
        if (string.IsNullOrWhiteSpace(bag.PassengerId))
        {
            yield return "passengerId is required";
        }
        foreach (var problem in CheckFlight("flightNumber", bag.FlightNumber, "scheduledDate", bag.ScheduledDate).Concat(CheckFileReference(bag, airports)))
        {
            yield return problem;
        }
        if (!IsBagTag(bag.BagTag))
        {
            yield return $"bagTag '{bag.BagTag}' must be a 10-digit licence plate or 2 letters or digits and 6 digits (LH123456)";
        }
        if (!Enum.IsDefined(bag.Status))
        {
            yield return $"status must be one of {string.Join(", ", Enum.GetNames<BagStatus>())}";
        }
        if (bag.ReportedUtc == default)
        {
            yield return "reportedUtc is required";
        }
        var received = bag.Status is BagStatus.Delivered or BagStatus.Damaged;
        if (received && bag.ReceivedUtc is null)
        {
            yield return $"a {bag.Status} bag needs receivedUtc, when the passenger received it";
        }
        if (!received && bag.ReceivedUtc is not null)
        {
            yield return $"a {bag.Status} bag has not been received: receivedUtc must be empty";
        }
        if (bag.Status == BagStatus.Delivered && bag.ReceivedUtc < bag.ReportedUtc)
        {
            yield return "receivedUtc of a delivered bag must not be before reportedUtc (a bag is reported missing, then delivered)";
        }
        if (bag.Status == BagStatus.Damaged && bag.ReportedUtc < bag.ReceivedUtc)
        {
            yield return "reportedUtc of a damaged bag must not be before receivedUtc (a bag is received, then reported damaged)";
        }
    }

    /// <summary>A file reference belongs to one bag tag: the same pair twice in a file is a mistake, not an update.</summary>
    public static IEnumerable<ImportProblem> RepeatedBags(IEnumerable<AttachedRecord<BagRecord>> bags)
        => bags.GroupBy(b => (b.Record.FileReference, b.Record.BagTag)).Where(g => g.Count() > 1)
            .SelectMany(g => g.Skip(1).Select(b => new ImportProblem(b.Where, $"fileReference {b.Record.FileReference} with bagTag {b.Record.BagTag} is given twice (first at {g.First().Where})")));

    private static IEnumerable<string> CheckFlight(string numberColumn, string? number, string dateColumn, DateOnly date)
    {
        if (!OperationsValidator.IsFlightNumber(number))
        {
            yield return $"{numberColumn} '{number}' must be an airline code and 1-4 digits, e.g. LH400";
        }
        if (date == default)
        {
            yield return $"{dateColumn} is required";
        }
    }

    private static IEnumerable<string> CheckFileReference(BagRecord bag, AirportDirectory airports)
    {
        var reference = bag.FileReference;
        if (reference is null || BagRecord.NormalizeFileReference(reference) != reference)
        {
            yield return $"fileReference '{reference}' must be a station, an airline and 5 digits, e.g. FRACC12345";
            yield break;
        }
        var (station, airline) = (reference[..3], reference[3..5]);
        if (airports.Find(station) is null)
        {
            yield return $"fileReference {reference}: station {station} is not a known airport";
        }
        var flight = FlightKeys.Number(bag.FlightNumber ?? string.Empty);
        if (OperationsValidator.IsFlightNumber(flight) && !flight.StartsWith(airline, StringComparison.Ordinal))
        {
            yield return $"fileReference {reference}: airline {airline} is not the airline of flight {flight}";
        }
    }

    [GeneratedRegex("^([0-9]{10}|[A-Z0-9]{2}[0-9]{6})$", RegexOptions.None, matchTimeoutMilliseconds: 250)]
    private static partial Regex BagTag();
}

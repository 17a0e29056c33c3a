using System.Text.RegularExpressions;
using CustomerCare.Airports;
using CustomerCare.Operations;

namespace CustomerCare.Bot.Operations;

/// <summary>The rules every imported booking and flight record must satisfy (a booking's rebookings, cabins and bags: <see cref="AttachedRecordsValidator"/>).</summary>
public static partial class OperationsValidator
{
    private static readonly HashSet<string> Currencies = ["EUR", "USD", "GBP", "CHF"];

    public static IEnumerable<string> Check(Booking booking, AirportDirectory airports)
    {
        if (!Locator().IsMatch(booking.RecordLocator ?? string.Empty))
        {
            yield return $"recordLocator '{booking.RecordLocator}' must be 6 capital letters or digits";
        }
        if (booking.Passengers is not { Count: > 0 })
        {
            yield return "a booking needs at least one passenger";
        }
        foreach (var passenger in booking.Passengers ?? [])
        {
            if (string.IsNullOrWhiteSpace(passenger.PassengerId) || string.IsNullOrWhiteSpace(passenger.FirstName) || string.IsNullOrWhiteSpace(passenger.LastName))
            {
                yield return "every passenger needs passengerId, firstName and lastName";
            }
            if (NameMatch.MixesScripts(passenger.FirstName) || NameMatch.MixesScripts(passenger.LastName))
            {
                yield return $"the name of passenger '{passenger.PassengerId}' mixes Latin letters with Cyrillic or Greek ones";
            }
            if (passenger.Email is { } email && (email.Length > 254 || !Email().IsMatch(email)))
            {
                yield return $"email of passenger '{passenger.PassengerId}' must be an e-mail address such as alex@example.com";
            }
            if (!Enum.IsDefined(passenger.FareType))
            {
                yield return $"fareType of passenger '{passenger.PassengerId}' must be one of {string.Join(", ", Enum.GetNames<FareType>())}";
            }
            if (passenger.TicketNumber is { } ticket && !TicketNumber().IsMatch(ticket))
            {
                yield return $"ticketNumber '{ticket}' must be an e-ticket number: 13 digits, the airline's three first (220-1234567890 or 2201234567890)";
            }
            foreach (var tag in (passenger.BagTags ?? []).Where(t => !AttachedRecordsValidator.IsBagTag(t)))
            {
                yield return $"bagTag '{tag}' of passenger '{passenger.PassengerId}' must be a 10-digit licence plate or 2 letters or digits and 6 digits (LH123456)";
            }
        }
        if (booking.PaymentReference is { } payment && !PaymentReference().IsMatch(payment))
        {
            yield return $"paymentReference '{payment}' must be 1 to 64 letters, digits or - _ . : /";
        }
        if (booking.Segments is not { Count: > 0 })
        {
            yield return "a booking needs at least one flight";
        }
        foreach (var segment in booking.Segments ?? [])
        {
            foreach (var problem in CheckFlight(segment.FlightNumber, segment.Origin, segment.Destination, segment.ScheduledDepartureUtc, segment.ScheduledArrivalUtc, airports))
            {
                yield return problem;
            }
            if (segment.Fare < 0)
            {
                yield return $"fare {segment.Fare} must not be negative";
            }
            if (!Currencies.Contains(segment.Currency ?? string.Empty))
            {
                yield return $"currency '{segment.Currency}' must be one of {string.Join(", ", Currencies)}";
            }
        }
    }

    public static IEnumerable<string> Check(FlightOperation flight, AirportDirectory airports)
    {
        foreach (var problem in CheckFlight(flight.FlightNumber, flight.Origin, flight.Destination, flight.ScheduledDepartureUtc, flight.ScheduledArrivalUtc, airports))
        {
            yield return problem;
        }
        if (DateOnly.FromDateTime(flight.ScheduledDepartureUtc) != flight.ScheduledDate)
        {
            yield return $"scheduledDate {flight.ScheduledDate:yyyy-MM-dd} must be the day of scheduledDepartureUtc";
        }
        if (flight.ActualDepartureUtc is { } departure && flight.ActualArrivalUtc is { } arrival && arrival <= departure)
        {
            yield return "actualArrivalUtc must be after actualDepartureUtc";
        }
        if (flight.Cancelled && flight.CancellationNoticeUtc is null)
        {
            yield return "a cancelled flight needs cancellationNoticeUtc";
        }
        if (flight.CancellationNoticeUtc > flight.ScheduledDepartureUtc)
        {
            yield return "cancellationNoticeUtc must not be after the scheduled departure";
        }
        if (string.IsNullOrWhiteSpace(flight.CauseCode))
        {
            yield return "causeCode is required (NONE when there was no disruption)";
        }
    }

    internal static bool IsFlightNumber(string? number) => FlightNumber().IsMatch(number ?? string.Empty);

    private static IEnumerable<string> CheckFlight(string? number, string? origin, string? destination, DateTime departure, DateTime arrival, AirportDirectory airports)
    {
        if (!FlightNumber().IsMatch(number ?? string.Empty))
        {
            yield return $"flightNumber '{number}' must be an airline code and 1-4 digits, e.g. LH400";
        }
        if (airports.Find(origin ?? string.Empty) is null)
        {
            yield return $"origin '{origin}' is not a known airport";
        }
        if (airports.Find(destination ?? string.Empty) is null)
        {
            yield return $"destination '{destination}' is not a known airport";
        }
        if (departure == default || arrival == default)
        {
            yield return "scheduledDepartureUtc and scheduledArrivalUtc are required";
        }
        else if (arrival <= departure)
        {
            yield return "scheduledArrivalUtc must be after scheduledDepartureUtc";
        }
    }

    [GeneratedRegex("^[0-9]{3}-?[0-9]{10}$", RegexOptions.None, matchTimeoutMilliseconds: 250)]
    private static partial Regex TicketNumber();

    [GeneratedRegex("^[A-Z0-9]{6}$", RegexOptions.None, matchTimeoutMilliseconds: 250)]
    private static partial Regex Locator();

    [GeneratedRegex("^([A-Z][A-Z0-9]|[0-9][A-Z]|[A-Z]{3})[1-9][0-9]{0,3}$", RegexOptions.None, matchTimeoutMilliseconds: 250)]
    private static partial Regex FlightNumber();

    [GeneratedRegex(@"^[A-Za-z0-9._:/-]{1,64}$", RegexOptions.None, matchTimeoutMilliseconds: 250)]
    private static partial Regex PaymentReference();

    [GeneratedRegex(@"^[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]{1,63}(\.[A-Za-z0-9-]{1,63})+$", RegexOptions.None, matchTimeoutMilliseconds: 250)]
    private static partial Regex Email();
}

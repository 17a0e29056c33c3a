using System.Globalization;
using CustomerCare.Operations;

namespace CustomerCare.Bot.Operations;

/// <summary>
/// Whether an imported rebooking, cabin record or bag record fits the booking it names — as that booking will be once
/// the import run's bookings are saved: its passenger is on it, its flight is one of the booking's flights (for a
/// rebooking, the flight replaced), and a bag is one the passenger checked in, reported where and after the flight went.
/// </summary>
public static class BookingFitCheck
{
    public static IEnumerable<string> Check(Booking booking, Rebooking rebooking)
    {
        if (PassengerOf(booking, rebooking.PassengerId) is null)
        {
            yield return NotAPassenger(booking, rebooking.PassengerId);
        }
        if (!booking.Segments.Any(rebooking.Replaces))
        {
            yield return $"the replaced flight {rebooking.ReplacesFlightNumber} on {IsoDates.Format(rebooking.ReplacesDate)} is not a flight of booking {booking.RecordLocator}";
        }
    }

    public static IEnumerable<string> Check(Booking booking, CabinRecord cabin)
    {
        if (PassengerOf(booking, cabin.PassengerId) is null)
        {
            yield return NotAPassenger(booking, cabin.PassengerId);
        }
        if (!booking.Segments.Any(cabin.IsFor))
        {
            yield return NotAFlight(booking, cabin.FlightNumber, cabin.ScheduledDate);
        }
    }

    public static IEnumerable<string> Check(Booking booking, BagRecord bag)
    {
        if (PassengerOf(booking, bag.PassengerId) is not { } passenger)
        {
            yield return NotAPassenger(booking, bag.PassengerId);
        }
        else if (!passenger.BagTags.Contains(bag.BagTag, StringComparer.OrdinalIgnoreCase))
        {
            yield return $"unknown bag tag {bag.BagTag}: it is not one of the bagTags of passenger '{passenger.PassengerId}' on booking {booking.RecordLocator}";
        }
        if (booking.Segments.FirstOrDefault(bag.IsFor) is not { } segment)
        {
            yield return NotAFlight(booking, bag.FlightNumber, bag.ScheduledDate);
            yield break;
        }
        // The station that files the report is where the bag failed to arrive.
        if (BagRecord.NormalizeFileReference(bag.FileReference) == bag.FileReference && !string.Equals(bag.FileReference[..3], segment.Destination, StringComparison.OrdinalIgnoreCase))
        {
            yield return $"fileReference {bag.FileReference}: station {bag.FileReference[..3]} is not where flight {segment.FlightNumber} lands ({segment.Destination})";
        }
        if (bag.ReportedUtc < segment.ScheduledDepartureUtc)
        {
            yield return $"reportedUtc must not be before the flight's scheduled departure ({segment.ScheduledDepartureUtc.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture)})";
        }
    }

    private static Passenger? PassengerOf(Booking booking, string passengerId)
        => booking.Passengers.FirstOrDefault(p => string.Equals(p.PassengerId, passengerId, StringComparison.Ordinal));

    private static string NotAPassenger(Booking booking, string passengerId)
        => $"passengerId '{passengerId}' is not a passenger of booking {booking.RecordLocator}";

    private static string NotAFlight(Booking booking, string flightNumber, DateOnly date)
        => $"flight {flightNumber} on {IsoDates.Format(date)} is not a flight of booking {booking.RecordLocator}";
}

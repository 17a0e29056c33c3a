using System.Text.Json.Serialization;
using CustomerCare.Remedies;

namespace CustomerCare.Operations;

/// <summary>The cabin a passenger booked and the one they flew on one flight, as departure control recorded it.</summary>
public sealed record CabinRecord(string PassengerId, string FlightNumber, DateOnly ScheduledDate, Cabin Booked, Cabin Flown)
{
    [JsonIgnore]
    public bool Downgraded => Flown < Booked;

    public bool IsFor(Segment segment)
        => segment.Is(FlightNumber, ScheduledDate);
}

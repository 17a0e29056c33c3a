using System.Text.Json.Serialization;

namespace CustomerCare.Operations;

/// <summary>
/// The flights of one booking to one final destination, connections included (CJEU C-11/11 Folkerts): the unit
/// statutory compensation is owed for, once per passenger. Outbound and return are separate journeys.
/// </summary>
public sealed record Journey(IReadOnlyList<Segment> Segments)
{
    /// <summary>A connection longer than this is a stopover: the next flight starts a new journey.</summary>
    public static readonly TimeSpan MaxConnection = TimeSpan.FromHours(24);

    [JsonIgnore]
    public Segment First => Segments[0];

    [JsonIgnore]
    public Segment Last => Segments[^1];

    [JsonIgnore]
    public string Origin => First.Origin;

    [JsonIgnore]
    public string Destination => Last.Destination;

    [JsonIgnore]
    public DateOnly Date => First.ScheduledDate;

    [JsonIgnore]
    public bool HasConnections => Segments.Count > 1;

    public bool Includes(string flightNumber)
        => Segments.Any(s => string.Equals(FlightKeys.Number(s.FlightNumber), FlightKeys.Number(flightNumber), StringComparison.Ordinal));

    /// <summary>
    /// The booking's journeys in time order: a flight continues the journey when it leaves from where the last one
    /// landed, within a day, and does not head back to any airport the journey already left from (a return, also one
    /// through the outbound's hub).
    /// </summary>
    public static IReadOnlyList<Journey> Of(Booking booking)
    {
        var journeys = new List<List<Segment>>();
        foreach (var segment in booking.Segments.OrderBy(s => s.ScheduledDepartureUtc))
        {
            var current = journeys.LastOrDefault();
            var continues = current is not null
                && string.Equals(current[^1].Destination, segment.Origin, StringComparison.OrdinalIgnoreCase)
                && !current.Any(s => string.Equals(s.Origin, segment.Destination, StringComparison.OrdinalIgnoreCase))
                && segment.ScheduledDepartureUtc - current[^1].ScheduledArrivalUtc is var gap && gap >= TimeSpan.Zero && gap <= MaxConnection;
            if (continues)
            {
                current!.Add(segment);
            }
            else
            {
                journeys.Add([segment]);
            }
        }
        return journeys.Select(j => new Journey(j)).ToList();
    }

    /// <summary>
    /// The one journey the customer means: the only journey holding the flight they named, or of those the one on the
    /// day they named; with no flight named, the booking's only journey. Null when that leaves more than one (a flight
    /// the booking holds twice, and no day) or none — never a guess.
    /// </summary>
    public static Journey? Find(Booking booking, string? flightNumber, DateOnly? date = null)
    {
        var journeys = Of(booking);
        if (flightNumber is null)
        {
            return journeys.Count == 1 ? journeys[0] : null;
        }
        var withFlight = journeys.Where(j => j.Includes(flightNumber)).ToList();
        var onDay = date is null ? [] : withFlight.Where(j => j.Segments.Any(s => s.ScheduledDate == date)).ToList();
        return withFlight.Count == 1 ? withFlight[0] : onDay.Count == 1 ? onDay[0] : null;
    }
}

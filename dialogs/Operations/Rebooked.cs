namespace CustomerCare.Operations;

/// <summary>
/// A passenger's journey as they flew it after a rebooking: which of the journey's booked flights were replaced (by
/// index), and the records of the flights they were rebooked onto (null where operations data has none).
/// </summary>
public sealed record Rebooked(IReadOnlyList<bool> Replaced, IReadOnlyList<FlightOperation?> Replacements)
{
    /// <summary>The passenger's rebookings off the journey's flights, or null when they flew it as booked.</summary>
    public static IReadOnlyList<Rebooking>? Of(Booking booking, string passengerId, Journey journey)
    {
        var rebookings = booking.Rebookings
            .Where(r => r.PassengerId == passengerId && journey.Segments.Any(r.Replaces))
            .ToList();
        return rebookings.Count == 0 ? null : rebookings;
    }

    /// <summary>
    /// The flights the passenger flew, in time order: the booked ones not replaced and the replacements. Null when a
    /// replacement has no record or was cancelled too, or the flights do not join up, in place and in time, from the journey's origin to its final destination.
    /// </summary>
    public IReadOnlyList<FlightOperation>? Itinerary(Journey journey, IReadOnlyList<FlightOperation> booked)
    {
        if (Replacements.Any(r => r is null))
        {
            return null;
        }
        var flown = booked.Where((_, i) => !Replaced[i]).Concat(Replacements.Select(r => r!))
            .OrderBy(f => f.ActualDepartureUtc ?? f.ScheduledDepartureUtc)
            .ToList();
        var joined = flown.Count > 0 && flown.All(f => !f.Cancelled)
            && Same(flown[0].Origin, journey.Origin) && Same(flown[^1].Destination, journey.Destination)
            && flown.Zip(flown.Skip(1)).All(p => Same(p.First.Destination, p.Second.Origin) && LeftAfterLanding(p.First, p.Second));
        return joined ? flown : null;
    }

    /// <summary>A flight can only be flown after the one before it landed.</summary>
    private static bool LeftAfterLanding(FlightOperation before, FlightOperation after)
        => (after.ActualDepartureUtc ?? after.ScheduledDepartureUtc) >= (before.ActualArrivalUtc ?? before.ScheduledArrivalUtc);

    private static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}

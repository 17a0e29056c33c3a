using CustomerCare.Operations;

namespace CustomerCare.Bot.Operations;

/// <summary>
/// What saving an imported booking keeps of the stored one: a file brings the passengers and flights, and only some of
/// the records a booking gathers (a bookings table none at all), so records are never dropped by a re-import. Records
/// the file brings replace the stored ones with their identity, or are added; a passenger's bag tags are replaced
/// only where the file gives some.
/// </summary>
public static class BookingMerge
{
    public static Booking Merge(Booking? stored, Booking incoming)
    {
        if (stored is null)
        {
            return incoming;
        }
        var passengers = incoming.Passengers.Select(p => p.BagTags is { Count: > 0 } ? p
            : p with { BagTags = stored.Passengers.FirstOrDefault(s => s.PassengerId == p.PassengerId)?.BagTags ?? [] }).ToList();
        var kept = incoming with { Passengers = passengers, Rebookings = stored.Rebookings, Cabins = stored.Cabins, Bags = stored.Bags };
        return Attach(kept, incoming.Rebookings, incoming.Cabins, incoming.Bags);
    }

    public static Booking Attach(Booking booking, IEnumerable<Rebooking> rebookings, IEnumerable<CabinRecord> cabins, IEnumerable<BagRecord> bags)
        => booking with
        {
            Rebookings = Upsert(booking.Rebookings, rebookings, r => (r.PassengerId, FlightKeys.Of(r.ReplacesFlightNumber, r.ReplacesDate), FlightKeys.Of(r.FlightNumber, r.ScheduledDate))),
            Cabins = Upsert(booking.Cabins, cabins, c => (c.PassengerId, FlightKeys.Of(c.FlightNumber, c.ScheduledDate))),
            Bags = Upsert(booking.Bags, bags, b => (b.FileReference, b.BagTag)),
        };

    private static List<T> Upsert<T, TKey>(IReadOnlyList<T>? kept, IEnumerable<T>? brought, Func<T, TKey> identity)
    {
        var records = (kept ?? []).ToList();
        foreach (var record in brought ?? [])
        {
            var at = records.FindIndex(k => EqualityComparer<TKey>.Default.Equals(identity(k), identity(record)));
            if (at >= 0)
            {
                records[at] = record;
            }
            else
            {
                records.Add(record);
            }
        }
        return records;
    }
}

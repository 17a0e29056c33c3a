namespace CustomerCare.Operations;

/// <summary>Who on a booking the names a customer gives can be: by last name, and by first name where travellers share it.</summary>
public static class Travellers
{
    public static IReadOnlyList<Passenger> Matching(Booking booking, string? lastName, string? firstName)
    {
        var named = booking.Passengers.Where(p => NameMatch.Same(p.LastName, lastName)).ToList();
        return named.Count <= 1 || firstName is null
            ? named
            : named.Where(p => NameMatch.GivenForms(p.FirstName).Intersect(NameMatch.GivenForms(firstName)).Any()).ToList();
    }

    /// <summary>True when more than one traveller on the booking has this last name: only a first name tells them apart.</summary>
    public static bool ShareLastName(Booking booking, string? lastName) => booking.Passengers.Count(p => NameMatch.Same(p.LastName, lastName)) > 1;

    /// <summary>
    /// Of the travellers on a booking, those the words name: by first name (with the last name where two share the first),
    /// or by a last name only one of them has. Nobody else can be named.
    /// </summary>
    public static IReadOnlyList<Passenger> Named(IReadOnlyList<Passenger> travellers, IReadOnlyCollection<string> words)
    {
        var said = words.SelectMany(NameMatch.GivenForms).Where(f => f.Length > 0).ToHashSet(StringComparer.Ordinal);
        // Every part of a name must be said: "Anna" is not Anna-Lena, "Sommer" is not Sommer-Berg.
        bool Said(string name) => name.Split([' ', '-'], StringSplitOptions.RemoveEmptyEntries) is { Length: > 0 } parts
            && parts.All(part => NameMatch.GivenForms(part).Where(f => f.Length > 0).DefaultIfEmpty(string.Empty).Any(f => f.Length == 0 || said.Contains(f)));
        return travellers.Where(p =>
        {
            var first = Said(p.FirstName);
            var last = Said(p.LastName);
            var firstShared = travellers.Count(o => NameMatch.GivenForms(o.FirstName).Intersect(NameMatch.GivenForms(p.FirstName)).Any()) > 1;
            var lastShared = travellers.Count(o => NameMatch.Same(o.LastName, p.LastName)) > 1;
            return (first && (!firstShared || last)) || (last && !lastShared);
        }).ToList();
    }
}

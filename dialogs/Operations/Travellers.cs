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
}

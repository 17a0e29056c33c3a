namespace CustomerCare.Recognition;

/// <summary>The entity categories the recognizers report (the same names as in the CLU project).</summary>
public static class EntityCategories
{
    public const string BookingReference = "bookingReference";
    public const string FlightNumber = "flightNumber";
    public const string Date = "date";
    public const string Airport = "airport";
    public const string DisruptionKind = "disruptionKind";
    public const string Amount = "amount";

    public static readonly IReadOnlyList<string> All = [BookingReference, FlightNumber, Date, Airport, DisruptionKind, Amount];
}

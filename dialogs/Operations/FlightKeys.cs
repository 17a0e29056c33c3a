namespace CustomerCare.Operations;

/// <summary>A flight on its day as keys write it: "CC400|2026-11-18" — the number without spaces, in capitals, and the ISO date.</summary>
public static class FlightKeys
{
    /// <summary>"cc 400" and "CC400" are one flight.</summary>
    public static string Number(string flightNumber) => flightNumber.Replace(" ", string.Empty, StringComparison.Ordinal).ToUpperInvariant();

    public static string Of(string flightNumber, DateOnly date, char separator = '|') => Number(flightNumber) + separator + IsoDates.Format(date);
}

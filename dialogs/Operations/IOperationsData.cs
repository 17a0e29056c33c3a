namespace CustomerCare.Operations;

/// <summary>Bookings and flight-operations records, as the bot and the agents read them.</summary>
public interface IOperationsData
{
    Task<Booking?> FindBookingAsync(string recordLocator, CancellationToken cancellationToken);

    Task<FlightOperation?> FindFlightAsync(string flightNumber, DateOnly scheduledDate, CancellationToken cancellationToken);
}

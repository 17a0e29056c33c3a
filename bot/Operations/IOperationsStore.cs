using CustomerCare.Operations;

namespace CustomerCare.Bot.Operations;

/// <summary>Bookings and flight-operations records as imports write them and the bot reads them.</summary>
public interface IOperationsStore : IOperationsData
{
    /// <summary>Stores everything in one transaction (a record already there is replaced): a file is imported whole or not at all.</summary>
    Task<int> SaveAsync(IReadOnlyCollection<Booking> bookings, IReadOnlyCollection<FlightOperation> flights);

    Task<bool> HasBookingsAsync(CancellationToken cancellationToken);
}

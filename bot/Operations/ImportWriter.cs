using CustomerCare.Operations;

namespace CustomerCare.Bot.Operations;

/// <summary>
/// Saves checked import files, each in one transaction: a file's bookings over the stored ones (<see cref="BookingMerge"/>),
/// its rebookings, cabins and bags added to their bookings, and its flight records.
/// </summary>
public static class ImportWriter
{
    public static async Task SaveAsync(IOperationsStore store, OperationsImportFile.Result file, CancellationToken cancellationToken)
    {
        var saving = new Dictionary<string, Booking>(StringComparer.OrdinalIgnoreCase);
        async Task<Booking?> CurrentAsync(string locator)
            => saving.TryGetValue(locator, out var booking) ? booking : await store.FindBookingAsync(locator, cancellationToken).ConfigureAwait(false);

        foreach (var booking in file.Bookings)
        {
            saving[booking.RecordLocator] = BookingMerge.Merge(await CurrentAsync(booking.RecordLocator).ConfigureAwait(false), booking);
        }
        var locators = file.Rebookings.Select(r => r.RecordLocator).Concat(file.Cabins.Select(c => c.RecordLocator)).Concat(file.Bags.Select(b => b.RecordLocator));
        foreach (var locator in locators.Distinct(StringComparer.OrdinalIgnoreCase).ToList())
        {
            var booking = await CurrentAsync(locator).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"booking {locator} is gone from the store; nothing of this file was imported");
            saving[locator] = BookingMerge.Attach(booking,
                file.Rebookings.Where(r => Is(r.RecordLocator, locator)).Select(r => r.Record),
                file.Cabins.Where(c => Is(c.RecordLocator, locator)).Select(c => c.Record),
                file.Bags.Where(b => Is(b.RecordLocator, locator)).Select(b => b.Record));
        }
        await store.SaveAsync(saving.Values.ToList(), file.Flights).ConfigureAwait(false);
    }

    private static bool Is(string locator, string other) => string.Equals(locator, other, StringComparison.OrdinalIgnoreCase);
}

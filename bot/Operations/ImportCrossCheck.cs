using CustomerCare.Operations;

namespace CustomerCare.Bot.Operations;

/// <summary>
/// Checks an import run's rebookings, cabins and bags against the bookings and flights they name, which may come from
/// any file of the run or be in the store already. A booking is checked as it will be saved (the run's files over the
/// stored one, <see cref="BookingMerge"/>). A file found wrong leaves the run, so what relies on it is checked again
/// without it: nothing is attached to a booking or a flight that is not imported.
/// </summary>
public sealed class ImportCrossCheck(IOperationsData store)
{
    private readonly Dictionary<string, Booking?> _storedBookings = [];
    private readonly Dictionary<string, bool> _storedFlights = [];

    // The files still in the run, and the bookings worked out from them so far.
    private List<OperationsImportFile.Result> _run = [];
    private Dictionary<string, Booking?> _runBookings = [];

    /// <summary>
    /// The problems of each file (in the files' order). A file with problems of its own is not part of the run, but
    /// the records it read are checked against the run as it ends up.
    /// </summary>
    public async Task<IReadOnlyList<ImportProblem>[]> CheckAsync(IReadOnlyList<OperationsImportFile.Result> files, CancellationToken cancellationToken)
    {
        var problems = files.Select(_ => (IReadOnlyList<ImportProblem>)[]).ToArray();
        var inRun = files.Select(f => f.Problems.Count == 0).ToArray();
        bool changed;
        do
        {
            changed = false;
            (_run, _runBookings) = (files.Where((_, i) => inRun[i]).ToList(), []);
            for (var i = 0; i < files.Count; i++)
            {
                if (inRun[i] && await CheckFileAsync(files[i], cancellationToken).ConfigureAwait(false) is { Count: > 0 } found)
                {
                    (problems[i], inRun[i], changed) = (found, false, true);
                }
            }
        }
        while (changed);
        (_run, _runBookings) = (files.Where((_, i) => inRun[i]).ToList(), []);
        for (var i = 0; i < files.Count; i++)
        {
            if (files[i].Problems.Count > 0)
            {
                problems[i] = await CheckFileAsync(files[i], cancellationToken).ConfigureAwait(false);
            }
        }
        return problems;
    }

    private async Task<List<ImportProblem>> CheckFileAsync(OperationsImportFile.Result file, CancellationToken cancellationToken)
    {
        var problems = new List<ImportProblem>();
        foreach (var (locator, rebooking, where) in file.Rebookings)
        {
            var found = await BookingAsync(locator, cancellationToken).ConfigureAwait(false) is { } booking ? BookingFitCheck.Check(booking, rebooking) : [NoBooking(locator)];
            problems.AddRange(found.Select(p => new ImportProblem(where, p)));
            if (!await FlightExistsAsync(rebooking.FlightNumber, rebooking.ScheduledDate, cancellationToken).ConfigureAwait(false))
            {
                problems.Add(new ImportProblem(where, $"a replacement flight that does not exist: {rebooking.FlightNumber} on {IsoDates.Format(rebooking.ScheduledDate)} has no flight-operations record in this import or in the store"));
            }
        }
        foreach (var (locator, cabin, where) in file.Cabins)
        {
            var found = await BookingAsync(locator, cancellationToken).ConfigureAwait(false) is { } booking ? BookingFitCheck.Check(booking, cabin) : [NoBooking(locator)];
            problems.AddRange(found.Select(p => new ImportProblem(where, p)));
        }
        foreach (var (locator, bag, where) in file.Bags)
        {
            var booking = await BookingAsync(locator, cancellationToken).ConfigureAwait(false);
            var found = booking is not null ? BookingFitCheck.Check(booking, bag) : [NoBooking(locator)];
            problems.AddRange(found.Select(p => new ImportProblem(where, p)));
            // A report is one passenger's: the bot finds a bag by its file reference, so two passengers may not share one.
            var sharing = (booking?.Bags ?? []).Concat(_run.Append(file).SelectMany(f => f.Bags)
                    .Where(a => string.Equals(a.RecordLocator, locator, StringComparison.OrdinalIgnoreCase)).Select(a => a.Record))
                .FirstOrDefault(b => b.FileReference == bag.FileReference && b.PassengerId != bag.PassengerId);
            if (sharing is not null)
            {
                problems.Add(new ImportProblem(where, $"fileReference '{bag.FileReference}' already names a bag of passenger '{sharing.PassengerId}' on booking {locator}; a report is one passenger's"));
            }
        }
        return problems;
    }

    private static string NoBooking(string locator) => $"recordLocator '{locator}' is not a booking in this import or in the store";

    /// <summary>The booking as saving will leave it: the stored one with the run's bookings of that locator saved over it in order.</summary>
    private async Task<Booking?> BookingAsync(string locator, CancellationToken cancellationToken)
    {
        if (_runBookings.TryGetValue(locator, out var merged))
        {
            return merged;
        }
        if (!_storedBookings.TryGetValue(locator, out var stored))
        {
            _storedBookings[locator] = stored = await store.FindBookingAsync(locator, cancellationToken).ConfigureAwait(false);
        }
        merged = _run.SelectMany(f => f.Bookings).Where(b => string.Equals(b.RecordLocator, locator, StringComparison.OrdinalIgnoreCase))
            .Aggregate(stored, (saved, incoming) => BookingMerge.Merge(saved, incoming));
        _runBookings[locator] = merged;
        return merged;
    }

    private async Task<bool> FlightExistsAsync(string flightNumber, DateOnly date, CancellationToken cancellationToken)
    {
        var key = FlightKeys.Of(flightNumber, date);
        if (_run.SelectMany(f => f.Flights).Any(f => FlightKeys.Of(f.FlightNumber, f.ScheduledDate) == key))
        {
            return true;
        }
        if (!_storedFlights.TryGetValue(key, out var stored))
        {
            _storedFlights[key] = stored = await store.FindFlightAsync(flightNumber, date, cancellationToken).ConfigureAwait(false) is not null;
        }
        return stored;
    }
}

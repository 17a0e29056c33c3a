using System.Text.Json;
using CustomerCare.Airports;
using CustomerCare.Operations;

namespace CustomerCare.Bot.Operations;

/// <summary>
/// A JSON import file, {"bookings":[...], "flights":[...]}: bookings may carry rebookings, cabins and bags, which are
/// validated like the rows of their CSV tables and handed on apart from their booking (a file reference normalised).
/// </summary>
internal static class JsonImportFile
{
    public static OperationsImportFile.Result Read(string text, AirportDirectory airports)
    {
        OperationsDataFile file;
        try
        {
            using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(text));
            file = OperationsDataFile.Read(stream);
        }
        catch (JsonException ex)
        {
            return new([], [], [new ImportProblem($"line {(ex.LineNumber ?? 0) + 1}", ex.Message)]);
        }
        var problems = new List<ImportProblem>();
        var bookings = file.Bookings ?? [];
        var flights = file.Flights ?? [];
        var rebookings = new List<AttachedRecord<Rebooking>>();
        var cabins = new List<AttachedRecord<CabinRecord>>();
        var bags = new List<AttachedRecord<BagRecord>>();
        for (var i = 0; i < bookings.Count; i++)
        {
            var booking = bookings[i];
            var (where, locator) = ($"bookings[{i}] ({booking.RecordLocator})", (booking.RecordLocator ?? string.Empty).ToUpperInvariant());
            problems.AddRange(OperationsValidator.Check(booking, airports).Select(p => new ImportProblem(where, p)));
            rebookings.AddRange((booking.Rebookings ?? []).Select((r, j) => new AttachedRecord<Rebooking>(locator, r, $"{where} rebookings[{j}]")));
            cabins.AddRange((booking.Cabins ?? []).Select((c, j) => new AttachedRecord<CabinRecord>(locator, c, $"{where} cabins[{j}]")));
            bags.AddRange((booking.Bags ?? []).Select((b, j) => new AttachedRecord<BagRecord>(locator,
                b with { FileReference = BagRecord.NormalizeFileReference(b.FileReference) ?? b.FileReference }, $"{where} bags[{j}]")));
        }
        problems.AddRange(rebookings.SelectMany(r => AttachedRecordsValidator.Check(r.Record).Select(p => new ImportProblem(r.Where, p))));
        problems.AddRange(cabins.SelectMany(c => AttachedRecordsValidator.Check(c.Record).Select(p => new ImportProblem(c.Where, p))));
        problems.AddRange(bags.SelectMany(b => AttachedRecordsValidator.Check(b.Record, airports).Select(p => new ImportProblem(b.Where, p))));
        problems.AddRange(AttachedRecordsValidator.RepeatedBags(bags));
        for (var i = 0; i < flights.Count; i++)
        {
            problems.AddRange(OperationsValidator.Check(flights[i], airports).Select(p => new ImportProblem($"flights[{i}] ({flights[i].FlightNumber})", p)));
        }
        return problems.Count > 0
            ? new([], [], problems)
            : new(bookings.Select(b => b with { Rebookings = [], Cabins = [], Bags = [] }).ToList(), flights, [])
            {
                Rebookings = rebookings,
                Cabins = cabins,
                Bags = bags,
            };
    }
}

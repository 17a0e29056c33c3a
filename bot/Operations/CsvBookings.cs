using CustomerCare.Airports;
using CustomerCare.Operations;

namespace CustomerCare.Bot.Operations;

/// <summary>
/// A bookings table: one row per passenger and flight; rows with the same record locator make one booking. The last
/// columns, the passenger's e-ticket number and e-mail address, the booking's payment reference, the passenger's fare
/// type and the tags of their checked bags (separated by spaces), may be empty (or missing, in files from before they
/// were added); a booking's rows give one payment reference, and a passenger's bag tags are those of all their rows.
/// </summary>
internal static class CsvBookings
{
    public static OperationsImportFile.Result Read(string[] lines, AirportDirectory airports, int columns)
    {
        var problems = new List<ImportProblem>();
        var rows = new List<(int Line, string Locator, Passenger Passenger, Segment Segment, string? Payment)>();
        for (var i = 1; i < lines.Length; i++)
        {
            if (lines[i].Trim().Length == 0)
            {
                continue;
            }
            var f = lines[i].Split(',').Select(v => v.Trim()).ToArray();
            if (f.Length != columns)
            {
                problems.Add(new ImportProblem($"line {i + 1}", $"expected {columns} comma-separated columns, found {f.Length}"));
                continue;
            }
            try
            {
                string? Optional(int column) => columns > column && f[column].Length > 0 ? f[column] : null;
                rows.Add((i + 1, f[0].ToUpperInvariant(), new Passenger(f[1], f[2], f[3], OperationsImportFile.Tier(f[4]), Email: Optional(13), TicketNumber: Optional(12))
                    {
                        FareType = OperationsImportFile.FareTypeOf(Optional(15) ?? string.Empty),
                        BagTags = (Optional(16) ?? string.Empty).ToUpperInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries),
                    },
                    new Segment(f[5].ToUpperInvariant(), f[6].ToUpperInvariant(), f[7].ToUpperInvariant(),
                        OperationsImportFile.Utc(f[8], "scheduledDepartureUtc"), OperationsImportFile.Utc(f[9], "scheduledArrivalUtc"),
                        OperationsImportFile.Amount(f[10], "fare"), f[11].ToUpperInvariant()), Optional(14)));
            }
            catch (FormatException ex)
            {
                problems.Add(new ImportProblem($"line {i + 1}", ex.Message));
            }
        }

        var bookings = rows.GroupBy(r => r.Locator).Select(g => (FirstLine: g.Min(r => r.Line), Booking: new Booking(g.Key,
            g.Select(r => r.Passenger).GroupBy(p => p.PassengerId).Select(p => p.First() with { BagTags = p.SelectMany(r => r.BagTags).Distinct().ToList() }).ToList(),
            g.Select(r => r.Segment).DistinctBy(s => (s.FlightNumber, s.ScheduledDepartureUtc)).ToList())
        {
            PaymentReference = g.Select(r => r.Payment).FirstOrDefault(p => p is not null),
        }, Payments: g.Select(r => r.Payment).Where(p => p is not null).Distinct().Count())).ToList();
        foreach (var (line, booking, payments) in bookings)
        {
            if (payments > 1)
            {
                problems.Add(new ImportProblem($"line {line} ({booking.RecordLocator})", "the booking's rows give different paymentReference values; a booking has one"));
            }
            problems.AddRange(OperationsValidator.Check(booking, airports).Select(p => new ImportProblem($"line {line} ({booking.RecordLocator})", p)));
        }
        return problems.Count > 0 ? new([], [], problems) : new(bookings.Select(b => b.Booking).ToList(), [], []);
    }
}

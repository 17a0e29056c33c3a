using CustomerCare.Operations;

namespace CustomerCare.Bot.Operations;

/// <summary>A rebookings table: one row per passenger, booked flight replaced and replacement flight, for a booking of the import run or of the store.</summary>
internal static class CsvRebookings
{
    public static OperationsImportFile.Result Read(string[] lines)
    {
        var problems = new List<ImportProblem>();
        var rebookings = new List<AttachedRecord<Rebooking>>();
        foreach (var (line, f) in CsvRows.Read(lines, columns: 6, problems))
        {
            try
            {
                var locator = f[0].ToUpperInvariant();
                var rebooking = new Rebooking(f[1], f[2].ToUpperInvariant(), OperationsImportFile.Day(f[3], "replacesDate"),
                    f[4].ToUpperInvariant(), OperationsImportFile.Day(f[5], "scheduledDate"));
                var attached = new AttachedRecord<Rebooking>(locator, rebooking, $"line {line} ({locator})");
                problems.AddRange(AttachedRecordsValidator.Check(rebooking).Select(p => new ImportProblem(attached.Where, p)));
                rebookings.Add(attached);
            }
            catch (FormatException ex)
            {
                problems.Add(new ImportProblem($"line {line}", ex.Message));
            }
        }
        // Rows that read well stay with the problems, to be checked against their bookings too: all is reported at once.
        return new([], [], problems) { Rebookings = rebookings };
    }
}

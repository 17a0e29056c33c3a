using CustomerCare.Operations;
using CustomerCare.Remedies;

namespace CustomerCare.Bot.Operations;

/// <summary>A cabins table: the cabin a passenger booked and the one they flew on one flight of a booking of the import run or of the store.</summary>
internal static class CsvCabins
{
    public static OperationsImportFile.Result Read(string[] lines)
    {
        var problems = new List<ImportProblem>();
        var cabins = new List<AttachedRecord<CabinRecord>>();
        foreach (var (line, f) in CsvRows.Read(lines, columns: 6, problems))
        {
            try
            {
                var locator = f[0].ToUpperInvariant();
                var cabin = new CabinRecord(f[1], f[2].ToUpperInvariant(), OperationsImportFile.Day(f[3], "scheduledDate"),
                    OperationsImportFile.Named<Cabin>(f[4], "bookedCabin"), OperationsImportFile.Named<Cabin>(f[5], "flownCabin"));
                var attached = new AttachedRecord<CabinRecord>(locator, cabin, $"line {line} ({locator})");
                problems.AddRange(AttachedRecordsValidator.Check(cabin).Select(p => new ImportProblem(attached.Where, p)));
                cabins.Add(attached);
            }
            catch (FormatException ex)
            {
                problems.Add(new ImportProblem($"line {line}", ex.Message));
            }
        }
        // Rows that read well stay with the problems, to be checked against their bookings too: all is reported at once.
        return new([], [], problems) { Cabins = cabins };
    }
}

using CustomerCare.Airports;
using CustomerCare.Operations;
using CustomerCare.Remedies;

namespace CustomerCare.Bot.Operations;

/// <summary>
/// A bags table: one property irregularity report per row, for a bag one passenger of a booking (of the import run or
/// of the store) checked in. The file reference is stored normalised ("fra cc 12345" → FRACC12345); receivedUtc may
/// be empty, and must be for a bag still missing or declared lost.
/// </summary>
internal static class CsvBags
{
    public static OperationsImportFile.Result Read(string[] lines, AirportDirectory airports)
    {
        var problems = new List<ImportProblem>();
        var bags = new List<AttachedRecord<BagRecord>>();
        foreach (var (line, f) in CsvRows.Read(lines, columns: 9, problems))
        {
            try
            {
                var locator = f[0].ToUpperInvariant();
                var bag = new BagRecord(BagRecord.NormalizeFileReference(f[2]) ?? f[2], f[3].ToUpperInvariant(), f[1], f[4].ToUpperInvariant(),
                    OperationsImportFile.Day(f[5], "scheduledDate"), OperationsImportFile.Utc(f[6], "reportedUtc"), OperationsImportFile.Named<BagStatus>(f[7], "status"))
                {
                    ReceivedUtc = OperationsImportFile.OptionalUtc(f[8], "receivedUtc"),
                };
                var attached = new AttachedRecord<BagRecord>(locator, bag, $"line {line} ({locator})");
                problems.AddRange(AttachedRecordsValidator.Check(bag, airports).Select(p => new ImportProblem(attached.Where, p)));
                bags.Add(attached);
            }
            catch (FormatException ex)
            {
                problems.Add(new ImportProblem($"line {line}", ex.Message));
            }
        }
        problems.AddRange(AttachedRecordsValidator.RepeatedBags(bags));
        // Rows that read well stay with the problems, to be checked against their bookings too: all is reported at once.
        return new([], [], problems) { Bags = bags };
    }
}

using System.Globalization;
using CustomerCare.Airports;
using CustomerCare.Operations;

namespace CustomerCare.Bot.Operations;

/// <summary>A flight-operations table: one row per flight and scheduled date; the last column (whether a UK carrier operates it) may be missing in older files.</summary>
internal static class CsvFlights
{
    public static OperationsImportFile.Result Read(string[] lines, AirportDirectory airports, bool withUkCarrier)
    {
        var problems = new List<ImportProblem>();
        var flights = new List<FlightOperation>();
        for (var i = 1; i < lines.Length; i++)
        {
            if (lines[i].Trim().Length == 0)
            {
                continue;
            }
            var f = lines[i].Split(',').Select(v => v.Trim()).ToArray();
            var columns = withUkCarrier ? 16 : 15;
            if (f.Length != columns)
            {
                problems.Add(new ImportProblem($"line {i + 1}", $"expected {columns} comma-separated columns, found {f.Length}"));
                continue;
            }
            try
            {
                var flight = new FlightOperation(
                    f[0].ToUpperInvariant(),
                    DateOnly.TryParseExact(f[1], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
                        ? day : throw new FormatException($"scheduledDate '{f[1]}' must be yyyy-MM-dd"),
                    f[2].ToUpperInvariant(), f[3].ToUpperInvariant(),
                    OperationsImportFile.Utc(f[4], "scheduledDepartureUtc"), OperationsImportFile.Utc(f[5], "scheduledArrivalUtc"),
                    OperationsImportFile.OptionalUtc(f[6], "actualDepartureUtc"), OperationsImportFile.OptionalUtc(f[7], "actualArrivalUtc"),
                    OperationsImportFile.Bool(f[8], "cancelled"), OperationsImportFile.OptionalUtc(f[9], "cancellationNoticeUtc"),
                    OperationsImportFile.OptionalUtc(f[10], "rerouteDepartureUtc"), OperationsImportFile.OptionalUtc(f[11], "rerouteArrivalUtc"),
                    f[12].ToUpperInvariant(), OperationsImportFile.Bool(f[13], "extraordinary"), OperationsImportFile.Bool(f[14], "euCarrier"),
                    withUkCarrier && OperationsImportFile.Bool(f[15], "ukCarrier"));
                var invalid = OperationsValidator.Check(flight, airports).ToList();
                problems.AddRange(invalid.Select(p => new ImportProblem($"line {i + 1}", p)));
                flights.Add(flight);
            }
            catch (FormatException ex)
            {
                problems.Add(new ImportProblem($"line {i + 1}", ex.Message));
            }
        }
        return problems.Count > 0 ? new([], [], problems) : new([], flights, []);
    }
}

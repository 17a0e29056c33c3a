using CustomerCare.Bot.Cli;
using CustomerCare.Bot.Operations;
using CustomerCare.Bot.Storage;
using CustomerCare.Operations;

namespace CustomerCare.Tests.Support;

/// <summary>
/// The import command against a fresh data file, for tests of the records bookings gather: booking REC001 (Ana, who
/// checked in bags 0220123456 and CC123456, and Ben) on CC10 FRA–LHR on 2026-10-01, which was cancelled; Ana was
/// rebooked onto CC12 that afternoon. The tables below hold one good row each; tests add their own.
/// </summary>
public sealed class ImportedRecords
{
    public const string Bookings = OperationsImportFile.BookingsHeader + "\n" +
        "REC001,REC001-1,Ana,Records,Gold,CC10,FRA,LHR,2026-10-01T08:00:00Z,2026-10-01T09:40:00Z,150.00,EUR,,ana@example.com,psp_1,,0220123456 cc123456\n" +
        "REC001,REC001-2,Ben,Records,Basic,CC10,FRA,LHR,2026-10-01T08:00:00Z,2026-10-01T09:40:00Z,150.00,EUR,,,psp_1,,\n";

    /// <summary>The same booking from a file that does not list bag tags.</summary>
    public const string BookingsWithoutBagTags = OperationsImportFile.BookingsHeaderWithoutBagTags + "\n" +
        "REC001,REC001-1,Ana,Records,Gold,CC10,FRA,LHR,2026-10-01T08:00:00Z,2026-10-01T09:40:00Z,150.00,EUR,,ana@example.com,psp_1,\n" +
        "REC001,REC001-2,Ben,Records,Basic,CC10,FRA,LHR,2026-10-01T08:00:00Z,2026-10-01T09:40:00Z,150.00,EUR,,,psp_1,\n";

    public const string Flights = OperationsImportFile.FlightsHeader + "\n" +
        "CC10,2026-10-01,FRA,LHR,2026-10-01T08:00:00Z,2026-10-01T09:40:00Z,,,true,2026-09-30T18:00:00Z,,,TECHNICAL,false,true,false\n" +
        "CC12,2026-10-01,FRA,LHR,2026-10-01T12:00:00Z,2026-10-01T13:40:00Z,2026-10-01T12:05:00Z,2026-10-01T13:45:00Z,false,,,,NONE,false,true,false\n";

    public const string Rebookings = OperationsImportFile.RebookingsHeader + "\n" +
        "REC001,REC001-1,CC10,2026-10-01,CC12,2026-10-01\n";

    public const string Cabins = OperationsImportFile.CabinsHeader + "\n" +
        "REC001,REC001-1,CC10,2026-10-01,Business,economy\n";

    public const string Bags = OperationsImportFile.BagsHeader + "\n" +
        "REC001,REC001-1,lhr cc 12345,CC123456,CC10,2026-10-01,2026-10-01T14:00:00Z,Missing,\n";

    public string DataPath { get; } = BotHost.TempDataPath();

    public static string Write(string content, string extension = ".csv")
    {
        var path = Path.Combine(Path.GetTempPath(), "customercare-tests", Guid.NewGuid().ToString("N") + extension);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    /// <summary>Writes each content to a file of its own and imports them in one run.</summary>
    public (int Exit, string Output, string Error) Import(params string[] contents)
        => Run([.. contents.Select(c => Write(c, c.TrimStart().StartsWith('{') ? ".json" : ".csv")), "--data", DataPath]);

    public (int Exit, string Output, string Error) Run(string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = ImportCommand.Run(args, DataPath, output, error);
        return (exit, output.ToString(), error.ToString());
    }

    public async Task<Booking?> FindBookingAsync(string locator)
    {
        using var file = LiteDbFile.Open(DataPath);
        using var writer = new LiteDbWriter(file);
        return await new LiteDbOperationsData(file.Database, writer).FindBookingAsync(locator, CancellationToken.None);
    }
}

using CustomerCare.Airports;
using CustomerCare.Bot.Operations;
using CustomerCare.Bot.Storage;
using CustomerCare.Bot.Storage.PostgreSql;

namespace CustomerCare.Bot.Cli;

/// <summary>
/// <c>import FILE [FILE…] [--data PATH]</c>: loads bookings, flight-operations records and the rebookings, cabins and
/// bags of bookings from JSON or CSV files, into the data file, or into PostgreSQL when configuration says
/// <c>Storage:Provider=PostgreSql</c> (then while the bot runs, and every instance reads them at once). Every row is
/// validated first, on its own and against the bookings and flights of the run and the store; a file with any bad row
/// is reported by line and nothing of it is imported. A re-imported booking keeps the records the file does not bring.
/// </summary>
public static class ImportCommand
{
    public const string Usage = """
        usage: import FILE [FILE...] [--data data/customercare.db] [--Storage:Provider PostgreSql --ConnectionStrings:CustomerCare "Host=..."]
          Settings come from configuration as for the bot (appsettings.json, environment, --Key value on the command line).
          JSON: {"bookings":[...], "flights":[...]} in the format of bot/Data/demo-data.json
          CSV bookings:   recordLocator,passengerId,firstName,lastName,tier,flightNumber,origin,destination,scheduledDepartureUtc,scheduledArrivalUtc,fare,currency,ticketNumber,email,paymentReference,fareType,bagTags
                          (the columns from ticketNumber on may be left out, from the right)
          CSV flights:    flightNumber,scheduledDate,origin,destination,scheduledDepartureUtc,scheduledArrivalUtc,actualDepartureUtc,actualArrivalUtc,cancelled,cancellationNoticeUtc,rerouteDepartureUtc,rerouteArrivalUtc,causeCode,extraordinary,euCarrier,ukCarrier
          CSV rebookings: recordLocator,passengerId,replacesFlightNumber,replacesDate,flightNumber,scheduledDate
          CSV cabins:     recordLocator,passengerId,flightNumber,scheduledDate,bookedCabin,flownCabin
          CSV bags:       recordLocator,passengerId,fileReference,bagTag,flightNumber,scheduledDate,reportedUtc,status,receivedUtc
        """;

    public static int Run(string[] args, string defaultDataPath, TextWriter output, TextWriter error)
    {
        if (!ImportArguments.TryParse(args, out var parsed, out var wrong))
        {
            error.WriteLine("import: " + wrong);
            error.WriteLine(Usage);
            return 2;
        }
        var (files, settings) = (parsed.Files, parsed.Settings);
        var dataPath = parsed.DataPath ?? defaultDataPath;
        if (files.Count == 0)
        {
            error.WriteLine(Usage);
            return 2;
        }

        var results = new List<(string File, OperationsImportFile.Result Result)>();
        foreach (var file in files)
        {
            if (!File.Exists(file))
            {
                error.WriteLine($"{file}: no such file");
                return 1;
            }
            results.Add((file, OperationsImportFile.Read(file, AirportDirectory.Embedded)));
        }
        var failed = results.Where(r => r.Result.Problems.Count > 0).ToList();
        foreach (var (file, result) in failed)
        {
            error.WriteLine($"{file}: {result.Problems.Count} problem(s); nothing imported from it");
            foreach (var problem in result.Problems)
            {
                error.WriteLine($"  {problem}");
            }
        }

        var configuration = new ConfigurationBuilder().AddJsonFile("appsettings.json", optional: true).AddEnvironmentVariables().AddInMemoryCollection(settings).Build();
        var provider = configuration[$"{StorageOptions.Section}:{nameof(StorageOptions.Provider)}"];
        if (provider is not null && !Enum.TryParse<StorageProvider>(provider, ignoreCase: true, out _))
        {
            error.WriteLine($"import: Storage:Provider is '{provider}'; it must be LiteDb or PostgreSql. Nothing was imported.");
            return 2;
        }
        if (provider is not null && Enum.Parse<StorageProvider>(provider, ignoreCase: true) == StorageProvider.PostgreSql)
        {
            return ImportIntoPostgreSql(configuration, results, output, error) && failed.Count == 0 ? 0 : 1;
        }
        LiteDbFile database;
        try
        {
            database = LiteDbFile.Open(Path.GetFullPath(dataPath));
        }
        catch (IOException)
        {
            error.WriteLine($"{dataPath}: the data file is in use (is the bot running?). Stop it and import again.");
            return 1;
        }
        using (database)
        using (var writer = new LiteDbWriter(database))
        {
            return ImportInto(new LiteDbOperationsData(database.Database, writer), results, output, error, into: string.Empty) && failed.Count == 0 ? 0 : 1;
        }
    }

    private static bool ImportIntoPostgreSql(IConfiguration configuration, List<(string File, OperationsImportFile.Result Result)> results, TextWriter output, TextWriter error)
    {
        try
        {
            var options = configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new StorageOptions();
            using var dataSource = PostgreSqlDataSources.Create(configuration.GetConnectionString(StorageOptions.ConnectionStringName), options);
            SchemaMigrator.MigrateAsync(dataSource, CancellationToken.None).GetAwaiter().GetResult();
            return ImportInto(new PostgreSqlOperationsData(dataSource), results, output, error, into: " into PostgreSQL");
        }
        catch (Exception e) when (e is InvalidOperationException or System.Data.Common.DbException)
        {
            error.WriteLine("import: " + e.Message);
            return false;
        }
    }

    /// <summary>Checks the files that read well against each other and the store, then saves those without problems; false when one had some.</summary>
    private static bool ImportInto(IOperationsStore store, List<(string File, OperationsImportFile.Result Result)> results, TextWriter output, TextWriter error, string into)
    {
        var problems = new ImportCrossCheck(store).CheckAsync(results.Select(r => r.Result).ToList(), CancellationToken.None).GetAwaiter().GetResult();
        var rejected = results.Select((r, i) => (r.File, Problems: problems[i], Reported: r.Result.Problems.Count > 0)).Where(r => r.Problems.Count > 0).ToList();
        foreach (var (file, found, reported) in rejected)
        {
            // A file whose rows had problems of their own was reported already.
            error.WriteLine(reported
                ? $"{file}: {found.Count} more problem(s) with the bookings and flights its rows name"
                : $"{file}: {found.Count} problem(s); nothing imported from it");
            foreach (var problem in found)
            {
                error.WriteLine($"  {problem}");
            }
        }
        // A file that only adds records to bookings goes after the files that bring bookings, which it may name.
        foreach (var (file, result) in results.Where((r, i) => r.Result.Problems.Count == 0 && problems[i].Count == 0).OrderBy(r => r.Result.OnlyAttaches))
        {
            ImportWriter.SaveAsync(store, result, CancellationToken.None).GetAwaiter().GetResult();
            output.WriteLine($"{file}: imported {result.Bookings.Count} booking(s) and {result.Flights.Count} flight record(s){Attached(result)}{into}");
        }
        return rejected.Count == 0;
    }

    private static string Attached(OperationsImportFile.Result result)
        => result.Rebookings.Count + result.Cabins.Count + result.Bags.Count == 0 ? string.Empty
            : $"; attached {result.Rebookings.Count} rebooking(s), {result.Cabins.Count} cabin record(s) and {result.Bags.Count} bag record(s)";
}

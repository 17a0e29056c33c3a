using CustomerCare.Airports;
using CustomerCare.Bot.Operations;
using CustomerCare.Bot.Storage;
using CustomerCare.Bot.Storage.PostgreSql;

namespace CustomerCare.Bot.Cli;

/// <summary>
/// <c>import FILE [FILE…] [--data PATH]</c>: loads bookings and flight-operations records from JSON or CSV files, into
/// the data file, or into PostgreSQL when configuration says <c>Storage:Provider=PostgreSql</c> (then while the bot
/// runs, and every instance reads them at once). Every row is validated first; a file with any bad row is reported
/// by line and nothing of it is imported.
/// </summary>
public static class ImportCommand
{
    public const string Usage = """
        usage: import FILE [FILE...] [--data data/customercare.db] [--Storage:Provider PostgreSql --ConnectionStrings:CustomerCare "Host=..."]
          Settings come from configuration as for the bot (appsettings.json, environment, --Key value on the command line).
          JSON: {"bookings":[...], "flights":[...]} in the format of bot/Data/demo-data.json
          CSV bookings: recordLocator,passengerId,firstName,lastName,tier,flightNumber,origin,destination,scheduledDepartureUtc,scheduledArrivalUtc,fare,currency
          CSV flights:  flightNumber,scheduledDate,origin,destination,scheduledDepartureUtc,scheduledArrivalUtc,actualDepartureUtc,actualArrivalUtc,cancelled,cancellationNoticeUtc,rerouteDepartureUtc,rerouteArrivalUtc,causeCode,extraordinary,euCarrier
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
            var operations = new LiteDbOperationsData(database.Database, writer);
            foreach (var (file, result) in results.Where(r => r.Result.Problems.Count == 0))
            {
                operations.SaveAsync(result.Bookings, result.Flights).GetAwaiter().GetResult();
                output.WriteLine($"{file}: imported {result.Bookings.Count} booking(s) and {result.Flights.Count} flight record(s)");
            }
        }
        return failed.Count == 0 ? 0 : 1;
    }

    private static bool ImportIntoPostgreSql(IConfiguration configuration, List<(string File, OperationsImportFile.Result Result)> results, TextWriter output, TextWriter error)
    {
        try
        {
            var options = configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new StorageOptions();
            using var dataSource = PostgreSqlDataSources.Create(configuration.GetConnectionString(StorageOptions.ConnectionStringName), options);
            SchemaMigrator.MigrateAsync(dataSource, CancellationToken.None).GetAwaiter().GetResult();
            var operations = new PostgreSqlOperationsData(dataSource);
            foreach (var (file, result) in results.Where(r => r.Result.Problems.Count == 0))
            {
                operations.SaveAsync(result.Bookings, result.Flights).GetAwaiter().GetResult();
                output.WriteLine($"{file}: imported {result.Bookings.Count} booking(s) and {result.Flights.Count} flight record(s) into PostgreSQL");
            }
            return true;
        }
        catch (Exception e) when (e is InvalidOperationException or System.Data.Common.DbException)
        {
            error.WriteLine("import: " + e.Message);
            return false;
        }
    }
}

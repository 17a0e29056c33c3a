using CustomerCare.Benchmarks;

// dotnet run -c Release --project tests/CustomerCare.Benchmarks -- load [--users 50] [--seconds 20] [--warmup 20] [--script waterfall|disruption] [--store litedb|postgresql] [--bot path/to/CustomerCare.Bot.dll]
// dotnet run -c Release --project tests/CustomerCare.Benchmarks -- turns [N]
// dotnet run -c Release --project tests/CustomerCare.Benchmarks -- nlu [rounds]
// dotnet run -c Release --project tests/CustomerCare.Benchmarks -- ledger [entries]
// dotnet run -c Release --project tests/CustomerCare.Benchmarks -- supervisors [conversations] [--store litedb|postgresql]
// dotnet run -c Release --project tests/CustomerCare.Benchmarks -- soak [--users 50] [--minutes 30] [--interval 60] [--think-ms 1000] [--store litedb|postgresql] [--bot path/to/CustomerCare.Bot.dll]
if (args is ["soak", ..])
{
    string? Option(string name) => Array.IndexOf(args, name) is >= 0 and var at && at + 1 < args.Length ? args[at + 1] : null;
    int Number(string name, int fallback) => Option(name) is { } text ? int.Parse(text, System.Globalization.CultureInfo.InvariantCulture) : fallback;
    return await SoakBenchmark.RunAsync(Number("--users", 50), Number("--minutes", 30), Number("--interval", 60), Number("--think-ms", 1000), Option("--store") ?? "litedb", Option("--bot"));
}
if (args is ["supervisors", ..])
{
    var count = args.Length > 1 && int.TryParse(args[1], System.Globalization.CultureInfo.InvariantCulture, out var given) ? given : 100_000;
    var store = Array.IndexOf(args, "--store") is >= 0 and var at && at + 1 < args.Length ? args[at + 1] : "litedb";
    return await SupervisorBenchmark.RunAsync(count, postgreSql: store == "postgresql");
}
if (args is ["ledger", ..])
{
    return await LedgerBenchmark.RunAsync(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 1_000_000);
}
if (args is ["nlu", ..])
{
    return RecognitionBenchmark.Run(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 20);
}
if (args is ["turns", ..])
{
    return await TurnPipelineBenchmark.RunAsync(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 100_000);
}
var options = LoadOptions.Parse(args);
if (options is null)
{
    Console.Error.WriteLine("usage: load [--users N] [--seconds S] [--warmup S] [--bot-core C] [--script waterfall|disruption] [--store litedb|postgresql] [--bot path/to/CustomerCare.Bot.dll]");
    return 2;
}
return await LoadBenchmark.RunAsync(options);

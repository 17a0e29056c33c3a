using System.Globalization;

namespace CustomerCare.Benchmarks;

/// <summary>What the load benchmark plays: how many users, for how long, which conversation, and which core the bot gets.</summary>
internal sealed record LoadOptions(int Users, int Seconds, int WarmupSeconds, int BotCore, string? BotDll = null, string Script = "waterfall", string Store = "litedb")
{
    /// <summary>
    /// The conversations a user can walk, over and over. "waterfall" is the three-step compensation-status waterfall
    /// (what is the status → booking reference → last name → the ledger's answer); "disruption" walks a whole delay
    /// report (intent, kind, booking, name, flight-operations check, remedy offer declined).
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string[]> Scripts = new Dictionary<string, string[]>
    {
        ["waterfall"] = ["did I already get something", "DEMO05", "Probe"],
        ["disruption"] = ["Report a disruption", "Delay", "DEMO05", "Probe", "no"],
    };

    public string[] Turns => Scripts[Script];

    public static LoadOptions? Parse(string[] args)
    {
        if (args.Length == 0 || args[0] != "load")
        {
            return null;
        }
        var options = new LoadOptions(50, 20, 20, 0);
        for (var i = 1; i < args.Length - 1; i += 2)
        {
            if (args[i] == "--bot")
            {
                options = options with { BotDll = args[i + 1] };
                continue;
            }
            if (args[i] == "--store")
            {
                options = args[i + 1] is "litedb" or "postgresql"
                    ? options with { Store = args[i + 1] }
                    : throw new ArgumentException($"Unknown store {args[i + 1]}; choose litedb or postgresql");
                continue;
            }
            if (args[i] == "--script")
            {
                options = Scripts.ContainsKey(args[i + 1])
                    ? options with { Script = args[i + 1] }
                    : throw new ArgumentException($"Unknown script {args[i + 1]}; choose one of: {string.Join(", ", Scripts.Keys)}");
                continue;
            }
            var value = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
            options = args[i] switch
            {
                "--users" => options with { Users = value },
                "--seconds" => options with { Seconds = value },
                "--warmup" => options with { WarmupSeconds = value },
                "--bot-core" => options with { BotCore = value },
                _ => throw new ArgumentException($"Unknown option {args[i]}"),
            };
        }
        return options;
    }
}

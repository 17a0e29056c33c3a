using System.Globalization;

namespace CustomerCare.Benchmarks;

/// <summary>What the load benchmark plays: how many users, for how long, and which core the bot gets.</summary>
internal sealed record LoadOptions(int Users, int Seconds, int WarmupSeconds, int BotCore, string? BotDll = null)
{
    public static LoadOptions? Parse(string[] args)
    {
        if (args.Length == 0 || args[0] != "load")
        {
            return null;
        }
        var options = new LoadOptions(50, 20, 5, 0);
        for (var i = 1; i < args.Length - 1; i += 2)
        {
            if (args[i] == "--bot")
            {
                options = options with { BotDll = args[i + 1] };
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

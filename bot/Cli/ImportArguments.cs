namespace CustomerCare.Bot.Cli;

/// <summary>
/// The import command's arguments, read left to right: <c>--data PATH</c>, settings as <c>--Key value</c> or
/// <c>--Key=value</c> (as for the bot), and files — everything else, in order, repeats included.
/// </summary>
public sealed record ImportArguments(IReadOnlyList<string> Files, IReadOnlyDictionary<string, string?> Settings, string? DataPath)
{
    public static bool TryParse(IReadOnlyList<string> args, out ImportArguments parsed, out string? problem)
    {
        var files = new List<string>();
        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        string? dataPath = null;
        parsed = new ImportArguments(files, settings, null);
        for (var i = 0; i < args.Count; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal))
            {
                files.Add(args[i]);
                continue;
            }
            var argument = args[i][2..];
            string key, value;
            if (argument.IndexOf('=', StringComparison.Ordinal) is var equals and > 0)
            {
                (key, value) = (argument[..equals], argument[(equals + 1)..]);
            }
            else if (i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal) && argument.Length > 0)
            {
                (key, value) = (argument, args[++i]);
            }
            else
            {
                problem = $"'{args[i]}' needs a value (--Key value or --Key=value).";
                return false;
            }
            if (key == "data")
            {
                dataPath = value;
            }
            else
            {
                settings[key.Replace("__", ":", StringComparison.Ordinal)] = value;
            }
        }
        parsed = new ImportArguments(files, settings, dataPath);
        problem = null;
        return true;
    }
}

using System.IO.Compression;
using System.Text.Json.Nodes;

namespace CustomerCare.Bot.Cli;

/// <summary>
/// <c>teams package --app-id GUID [--domain host] [--output customercare-teams.zip] [--source deploymentTemplates/teams]</c>:
/// fills the bot's app id into the Teams app manifest and zips it with its two icons, ready to upload to Teams.
/// </summary>
public static class TeamsPackageCommand
{
    public const string Usage = "usage: teams package --app-id <Microsoft App ID (GUID)> [--domain bot.example.com] [--output customercare-teams.zip] [--source deploymentTemplates/teams]";
    private static readonly string[] RequiredFields = ["$schema", "manifestVersion", "version", "id", "developer", "name", "description", "icons", "accentColor", "bots"];

    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        if (args is not ["package", ..] || Option(args, "--app-id") is not { } appId || !Guid.TryParse(appId, out _))
        {
            error.WriteLine(Usage);
            return 2;
        }
        var source = Option(args, "--source") ?? FindSource();
        var target = Option(args, "--output") ?? "customercare-teams.zip";
        if (source is null || !File.Exists(Path.Combine(source, "manifest.json")))
        {
            error.WriteLine("The Teams manifest was not found; pass --source <folder with manifest.json, color.png, outline.png>.");
            return 1;
        }

        var text = File.ReadAllText(Path.Combine(source, "manifest.json"))
            .Replace("{{MicrosoftAppId}}", appId, StringComparison.Ordinal)
            .Replace("{{BotDomain}}", Option(args, "--domain") ?? "localhost", StringComparison.Ordinal);
        var manifest = JsonNode.Parse(text)!.AsObject();
        var missing = RequiredFields.Where(f => !manifest.ContainsKey(f)).ToList();
        if (missing.Count > 0 || text.Contains("{{", StringComparison.Ordinal))
        {
            error.WriteLine($"manifest.json is incomplete: missing {string.Join(", ", missing)}{(text.Contains("{{", StringComparison.Ordinal) ? "; unfilled placeholders remain" : string.Empty)}");
            return 1;
        }

        File.Delete(target);
        using (var zip = ZipFile.Open(target, ZipArchiveMode.Create))
        {
            using (var writer = new StreamWriter(zip.CreateEntry("manifest.json").Open()))
            {
                writer.Write(text);
            }
            foreach (var icon in new[] { "color.png", "outline.png" })
            {
                zip.CreateEntryFromFile(Path.Combine(source, icon), icon);
            }
        }
        output.WriteLine($"wrote {target} (manifest {manifest["manifestVersion"]}, bot {appId})");
        return 0;
    }

    private static string? FindSource()
    {
        for (var directory = new DirectoryInfo(Directory.GetCurrentDirectory()); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "deploymentTemplates", "teams");
            if (File.Exists(Path.Combine(candidate, "manifest.json")))
            {
                return candidate;
            }
        }
        return null;
    }

    private static string? Option(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }
}

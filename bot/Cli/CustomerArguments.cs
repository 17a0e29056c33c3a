using CustomerCare.Bot.Privacy;

namespace CustomerCare.Bot.Cli;

/// <summary>
/// The privacy commands' arguments: <c>--booking REF --passenger ID</c> (who), <c>--out FILE</c>, <c>--yes</c>,
/// <c>--data PATH</c> and settings as <c>--Key value</c>, as the import command reads them.
/// </summary>
public sealed record CustomerArguments(CustomerKey Customer, IReadOnlyDictionary<string, string?> Settings, string? OutputPath, bool Confirmed)
{
    public static bool TryParse(IReadOnlyList<string> args, out CustomerArguments? parsed, out string? problem)
    {
        parsed = null;
        var confirmed = args.Contains("--yes", StringComparer.Ordinal);
        if (!ImportArguments.TryParse(args.Where(a => a != "--yes").ToList(), out var read, out problem))
        {
            return false;
        }
        if (read.Files.Count > 0)
        {
            problem = $"'{read.Files[0]}' is not an option.";
            return false;
        }
        var settings = new Dictionary<string, string?>(read.Settings, StringComparer.OrdinalIgnoreCase);
        var booking = Take(settings, "booking");
        var passenger = Take(settings, "passenger");
        var output = Take(settings, "out");
        if (string.IsNullOrWhiteSpace(booking) || string.IsNullOrWhiteSpace(passenger))
        {
            problem = "a customer is named by --booking (the booking reference) and --passenger (the passenger id on it); both are needed.";
            return false;
        }
        if (read.DataPath is { } data)
        {
            settings["Storage:DataPath"] = data;
        }
        parsed = new CustomerArguments(new CustomerKey(booking.Trim(), passenger.Trim()), settings, output, confirmed);
        return true;
    }

    private static string? Take(Dictionary<string, string?> settings, string key) => settings.Remove(key, out var value) ? value : null;
}

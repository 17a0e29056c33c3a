using System.Globalization;

namespace CustomerCare.Bot.Teams;

/// <summary>When agents work (<c>Agents:Hours</c> "08:00-20:00" in <c>Agents:TimeZone</c>); empty hours mean always.</summary>
public sealed class AgentHours(IConfiguration configuration)
{
    public bool AreOpen(DateTime utc)
    {
        if (configuration["Agents:Hours"] is not { Length: > 0 } hours)
        {
            return true;
        }
        var parts = hours.Split('-', StringSplitOptions.TrimEntries);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(configuration["Agents:TimeZone"] is { Length: > 0 } id ? id : "Europe/Berlin");
        var local = TimeOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(utc, zone));
        var from = TimeOnly.Parse(parts[0], CultureInfo.InvariantCulture);
        var to = TimeOnly.Parse(parts[1], CultureInfo.InvariantCulture);
        return local.IsBetween(from, to);
    }
}

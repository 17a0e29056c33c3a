using System.Text.RegularExpressions;
using CustomerCare.Remedies;

namespace CustomerCare.Operations;

/// <summary>
/// A property irregularity report (PIR) as baggage tracing records it: its file reference (station, airline and five
/// digits, "FRACC12345"), the bag's tag, the passenger and the flight it should have arrived on, when it was reported,
/// and when the passenger received it (delivered late, or damaged) — or that it is still missing or declared lost.
/// </summary>
public sealed partial record BagRecord(string FileReference, string BagTag, string PassengerId, string FlightNumber, DateOnly ScheduledDate, DateTime ReportedUtc, BagStatus Status)
{
    /// <summary>When the passenger received the bag: delivered after a delay, or (for a damaged bag) at the airport.</summary>
    public DateTime? ReceivedUtc { get; init; }

    /// <summary>"FRACC12345", however it was typed ("fra cc 12345"); null for anything that is not a file reference.</summary>
    public static string? NormalizeFileReference(string? text)
    {
        var compact = new string((text ?? string.Empty).Where(c => !char.IsWhiteSpace(c) && c != '-').ToArray()).ToUpperInvariant();
        return compact.Length <= 16 && FileReferencePattern().IsMatch(compact) ? compact : null;
    }

    /// <summary>
    /// Whatever in a sentence could be a file reference ("the file is FRA CC 12345"), normalised, in order, at most
    /// five: "bag no 12345" has that shape too, so the booking's records decide which one is meant.
    /// </summary>
    public static IReadOnlyList<string> FileReferencesIn(string? text)
        => text is null || text.Length > 2_000 ? []
            : FileReferenceInText().Matches(text).Select(m => NormalizeFileReference(m.Value)).OfType<string>().Distinct(StringComparer.Ordinal).Take(5).ToList();

    public bool IsFor(Segment segment)
        => segment.Is(FlightNumber, ScheduledDate);

    [GeneratedRegex("^[A-Z]{3}[A-Z0-9]{2}[0-9]{5}$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex FileReferencePattern();

    [GeneratedRegex(@"\b[A-Za-z]{3}[ -]?[A-Za-z0-9]{2}[ -]?[0-9]{5}\b", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex FileReferenceInText();
}
